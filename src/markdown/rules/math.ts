// Formulas: `$…$` inline, `$$…$$` display (its own paragraph, or inside one).
// markdown-it-texmath's rules find them (its `dollars` delimiters: no `$`
// after a digit or a backslash, none before a digit, so `$5 and $10` stay
// text); our renderer rules render them with the parse's TeX renderer (KaTeX,
// src/markdown/math/katexRender.ts, loaded only for a deck that has a
// formula), inside a wrapper with role="img" and the TeX as its label (what a
// screen reader and the tagged PDF say). A TeX error is an error at the
// formula's line with KaTeX's message; the formula shows as its TeX.
import type { MarkdownIt, Token } from 'markdown-it';
import texmath from 'markdown-it-texmath';
import { envOf, report, type ParseEnv } from '../env.ts';

/** The token types markdown-it-texmath's `dollars` delimiters make. */
export const MATH_INLINE = ['math_inline', 'math_inline_double'];
export const MATH_BLOCK = ['math_block', 'math_block_eqno'];

export function isFormula(token: Token): boolean {
  return MATH_INLINE.includes(token.type) || MATH_BLOCK.includes(token.type);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The 0-based source line of each inline formula, from its paragraph's first line and the line breaks before it. */
function markInlineLines(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type !== 'inline' || !token.children || !token.map) continue;
    let line = token.map[0];
    for (const child of token.children) {
      if (MATH_INLINE.includes(child.type)) child.meta = { ...(child.meta as object | null), line };
      if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
      else line += (child.content.match(/\n/g) ?? []).length;
    }
  }
}

function lineOf(token: Token): number {
  if (token.map) return token.map[0];
  const meta = token.meta as { line?: number } | null;
  return meta?.line ?? 0;
}

function renderFormula(token: Token, display: boolean, block: boolean, env: ParseEnv | undefined): string {
  const tex = token.content.trim();
  const line0 = lineOf(token);
  const result = env?.math?.render(tex, display);
  const label = escape(tex);
  const tag = block ? 'div' : 'span';
  const classes = `math ${display ? 'math-display' : 'math-inline'}`;
  const where = ` data-line="${line0 + 1}"`;
  if (result && 'html' in result) {
    env?.formulas?.push({ line: line0 + 1, tex, display });
    return `<${tag} class="${classes}"${where} role="img" aria-label="${label}">${result.html}</${tag}>${block ? '\n' : ''}`;
  }
  if (result && env) report(env, line0, `formula does not parse: ${result.error}`);
  const source = display ? `$$${tex}$$` : `$${tex}$`;
  return `<${tag} class="${classes} math-source"${where}><code>${escape(source)}</code></${tag}>${block ? '\n' : ''}`;
}

export function mathPlugin(md: MarkdownIt): void {
  // The engine is never called: the renderer rules below replace texmath's.
  md.use(texmath, { engine: { renderToString: () => '' }, delimiters: 'dollars' });
  md.core.ruler.after('inline', 'iur_formula_lines', (state) => markInlineLines(state.tokens));
  for (const name of MATH_INLINE) {
    md.renderer.rules[name] = (tokens, idx, _options, env) =>
      renderFormula(tokens[idx], name === 'math_inline_double', false, envOf({ env }));
  }
  for (const name of MATH_BLOCK) {
    md.renderer.rules[name] = (tokens, idx, _options, env) => renderFormula(tokens[idx], true, true, envOf({ env }));
  }
}
