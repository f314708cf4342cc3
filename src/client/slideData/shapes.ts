// An element's background and borders as shapes for the slide reader: a
// fill, an outline drawn all round, or a thin bar per border side; each
// carries the fragment step of the element that draws it.
import type { Box, Item } from '../../shared/slideData.ts';
import { borderOf, colour, px, visible } from './style.ts';

export function shapesOf(cs: CSSStyleDeclaration, box: Box, tag: string, out: Item[], step?: number): void {
  if (box.w <= 0 || box.h <= 0) return;
  const from = out.length;
  drawShapes(cs, box, tag, out);
  if (step !== undefined) for (const item of out.slice(from)) if (item.kind === 'shape') item.step = step;
}

function drawShapes(cs: CSSStyleDeclaration, box: Box, tag: string, out: Item[]): void {
  const fill = colour(cs.backgroundColor);
  const sides = ['top', 'right', 'bottom', 'left'].map((s) => borderOf(cs, s));
  const same = sides.every((s) => s && sides[0] && s.width === sides[0].width && s.colour.hex === sides[0].colour.hex);
  const radius = px(cs.borderTopLeftRadius);
  if (visible(fill) || same) {
    out.push({ kind: 'shape', box, fill: visible(fill) ? fill : undefined, line: same ? (sides[0] ?? undefined) : undefined, radius, tag });
  }
  if (same) return;
  const [top, right, bottom, left] = sides;
  if (top)
    out.push({ kind: 'shape', box: { x: box.x, y: box.y, w: box.w, h: top.width }, fill: top.colour, radius: 0, tag: `${tag} border` });
  if (bottom)
    out.push({
      kind: 'shape',
      box: { x: box.x, y: box.y + box.h - bottom.width, w: box.w, h: bottom.width },
      fill: bottom.colour,
      radius: 0,
      tag: `${tag} border`,
    });
  if (left)
    out.push({ kind: 'shape', box: { x: box.x, y: box.y, w: left.width, h: box.h }, fill: left.colour, radius: 0, tag: `${tag} border` });
  if (right)
    out.push({
      kind: 'shape',
      box: { x: box.x + box.w - right.width, y: box.y, w: right.width, h: box.h },
      fill: right.colour,
      radius: 0,
      tag: `${tag} border`,
    });
}
