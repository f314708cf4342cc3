// KaTeX, for a deck that has formulas: loaded by src/markdown/renderers.ts only
// when a `$…$` or `$$…$$` is in the deck. Renders at build time to HTML alone
// (the page carries no MathML; the PowerPoint export converts KaTeX's MathML
// itself, src/export/pptx/omml.ts). A TeX error comes back as KaTeX's own
// message, for the doctor at the formula's line. KaTeX's HTML hides itself
// from screen readers (aria-hidden): the formula's wrapper has role="img" and
// the TeX as its label, and Chromium's tagged PDF then keeps the glyphs under
// that one figure (src/export/pdf/tags.ts makes it a Formula), so the hiding
// is taken off.
import katex from 'katex';
import type { FormulaResult, MathRenderer } from './formula.ts';

export function renderFormula(tex: string, display: boolean): FormulaResult {
  try {
    const html = katex.renderToString(tex, { displayMode: display, output: 'html', throwOnError: true, strict: 'ignore', trust: false });
    return { html: html.replace(/ aria-hidden="true"/g, '') };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { error: message.replace(/^KaTeX parse error: /, '') };
  }
}

/** KaTeX's MathML of a formula (for the PowerPoint equation), without its TeX annotation. */
export function formulaMathml(tex: string, display: boolean): string {
  const html = katex.renderToString(tex, { displayMode: display, output: 'mathml', throwOnError: true, strict: 'ignore', trust: false });
  const math = /<math[\s\S]*<\/math>/.exec(html)?.[0] ?? '';
  return math.replace(/<annotation\b[\s\S]*?<\/annotation>/g, '');
}

export const katexRenderer: MathRenderer = { render: renderFormula };
