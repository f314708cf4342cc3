// What the formula rule (src/markdown/rules/math.ts) asks of a TeX renderer,
// without naming KaTeX: a parse handed none (a unit test) still renders the
// formula's TeX as text.

export type FormulaResult = { html: string } | { error: string };

export interface MathRenderer {
  /** A formula as HTML (KaTeX's, no MathML: the PowerPoint export makes its own), or KaTeX's message. */
  render(tex: string, display: boolean): FormulaResult;
}
