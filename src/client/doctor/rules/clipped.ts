// Cut off: an element whose overflow is hidden (or clipped) and whose content
// is larger than its box, so part of it never shows; said with both sizes.
import { describe, elementsOf, lineOf, type Rule } from '../context.ts';

/** Whether the content is larger than the box, beyond 2 px of rounding. */
export function cutOff(el: Pick<Element, 'scrollWidth' | 'scrollHeight' | 'clientWidth' | 'clientHeight'>): boolean {
  return el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2;
}

export const clipped: Rule = (ctx) =>
  elementsOf(ctx.section)
    .filter((el) => {
      const o = getComputedStyle(el).overflow;
      return (o === 'hidden' || o === 'clip') && cutOff(el);
    })
    .map((el) => ({
      level: 'error' as const,
      message: `overflow: ${describe(el)} is cut off (content ${el.scrollWidth}×${el.scrollHeight} px in a ${el.clientWidth}×${el.clientHeight} px box)`,
      line: lineOf(el, ctx),
    }));
