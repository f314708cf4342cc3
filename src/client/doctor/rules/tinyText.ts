// Text too small to read from the back row: any text of the slide under
// 24 px (at 1280×720), notes, footer, page number and diagrams aside (their
// labels have a measure of their own, diagramLabels.ts). Code may go to 20 px
// (a monospace font at 20 px is as wide as body text at 24); a formula is
// judged by its base size, its sub- and superscripts being smaller by design.
import { describe, elementsOf, lineOf, ownsText, visible, type Finding, type Rule } from '../context.ts';

export const MIN_BODY_PX = 24;
export const MIN_CODE_PX = 20;
/** Decorative parts of a slide: not body text. */
const DECOR = 'aside.notes, .slide-footer, .slide-number, svg, .mermaid-source';

export const tinyText: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const el of elementsOf(ctx.section)) {
    if (el.closest(DECOR) || !visible(el)) continue;
    const formula = el.classList.contains('katex');
    if (!formula && (el.closest('.katex') || !ownsText(el))) continue;
    const min = el.closest('pre') ? MIN_CODE_PX : MIN_BODY_PX;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < min)
      out.push({
        level: 'error',
        message: `text too small: ${formula ? 'a formula' : describe(el)} is ${px.toFixed(1)} px (minimum ${min} px)`,
        line: lineOf(el, ctx),
      });
  }
  return out;
};
