// Overflow: an element that sticks out of the 1280×720 slide, said with the
// element, by how many pixels and on which side, at the element's own line.
// Each element once: what lies inside an element already said is not said
// again.
import { describe, elementsOf, lineOf, visible, type Finding, type Rule } from '../context.ts';

/** A box's edges, in page pixels. */
export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How far `r` sticks out of the slide box, in slide pixels, and on which side; undefined within 1 px (rounding). */
export function stickingOut(r: Edges, box: Edges, scale: number): { px: number; where: string } | undefined {
  const sides: [number, string][] = [
    [(r.right - box.right) / scale, 'right of'],
    [(r.bottom - box.bottom) / scale, 'below'],
    [(box.left - r.left) / scale, 'left of'],
    [(box.top - r.top) / scale, 'above'],
  ];
  const [px, where] = sides.reduce((a, b) => (b[0] > a[0] ? b : a));
  return px > 1 ? { px, where } : undefined;
}

export const overflow: Rule = (ctx) => {
  const out: Finding[] = [];
  const reported: Element[] = [];
  for (const el of elementsOf(ctx.section)) {
    if (!visible(el) || reported.some((r) => r.contains(el))) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const out1 = stickingOut(r, ctx.box, ctx.scale);
    if (!out1) continue;
    reported.push(el);
    out.push({
      level: 'error',
      message: `overflow: ${describe(el)} sticks out ${Math.round(out1.px)} px ${out1.where} the 1280×720 slide`,
      line: lineOf(el, ctx),
    });
  }
  return out;
};
