// Text too small to read from the back row: any text of the slide under
// 24 px (at 1280×720), notes, footer, page number and diagrams aside (their
// labels have a measure of their own, diagramLabels.ts).
import { describe, elementsOf, lineOf, ownsText, visible, type Finding, type Rule } from '../context.ts';

export const MIN_BODY_PX = 24;
/** Decorative parts of a slide: not body text. */
const DECOR = 'aside.notes, .slide-footer, .slide-number, svg, .mermaid-source';

export const tinyText: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const el of elementsOf(ctx.section)) {
    if (el.closest(DECOR) || !visible(el) || !ownsText(el)) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < MIN_BODY_PX)
      out.push({
        level: 'error',
        message: `text too small: ${describe(el)} is ${px.toFixed(1)} px (minimum ${MIN_BODY_PX} px)`,
        line: lineOf(el, ctx),
      });
  }
  return out;
};
