// Text that reflows when edited: the body blocks of one column (heading,
// paragraphs, lists) stacked in one text body, the deck's gaps between them
// as paragraph spacing, so a longer paragraph pushes the next one down; and
// every body text box as wide as its column and as tall as the room below it
// (down to the next block, the card's edge or the footer), so the text can
// grow into that room before anything else happens. Cards keep their own
// boxes; pictures, tables and shapes between two blocks keep them apart.
import type { Box, Item, SlideData, TextItem } from '../../shared/slideData.ts';

/** Room kept between a body text box and what is below it (CSS px). */
const GAP = 4;
const near = (a: number, b: number, tolerance: number): boolean => Math.abs(a - b) <= tolerance;
const bottom = (b: Box): number => b.y + b.h;
const right = (b: Box): number => b.x + b.w;
const overlapsAcross = (a: Box, b: Box): boolean => a.x < right(b) - 1 && b.x < right(a) - 1;
const contains = (outer: Box, inner: Box): boolean =>
  outer.x <= inner.x + 1 && outer.y <= inner.y + 1 && right(outer) >= right(inner) - 1 && bottom(outer) >= bottom(inner) - 1;

/** Body text that flows with its column; code and formulas keep boxes of their own. */
const isBody = (item: Item): item is TextItem => item.kind === 'text' && item.role === undefined && !item.code && !item.formula;

/** Could `next` join the stack `top`: the same column, below it, nothing between them. */
function joins(stack: TextItem, next: TextItem, between: Item[]): boolean {
  const a = stack.box;
  const b = next.box;
  if (!near(a.x, b.x, 2) || !near(right(stack.column ?? a), right(next.column ?? b), 4)) return false;
  if (b.y < bottom(a) - 2) return false;
  const span: Box = { x: a.x, y: a.y, w: Math.max(a.w, b.w), h: bottom(b) - a.y };
  // A shape, picture or table across the gap keeps them apart; a background both sit on does not.
  return !between.some(
    (item) => overlapsAcross(item.box, span) && item.box.y < bottom(b) && bottom(item.box) > a.y && !contains(item.box, span),
  );
}

/** The body blocks of each column as one text item per stack. */
export function stackColumns(items: Item[]): Item[] {
  const out: Item[] = [];
  let stack: TextItem | null = null;
  let between: Item[] = [];
  for (const item of items) {
    if (!isBody(item)) {
      out.push(item);
      if (stack) between.push(item);
      continue;
    }
    if (stack && joins(stack, item, between)) {
      const gap = Math.max(0, item.box.y - bottom(stack.box));
      const [first, ...rest] = item.paragraphs;
      stack.paragraphs.push({ ...first, spaceBefore: first.spaceBefore + gap }, ...rest);
      const column = stack.column ?? stack.box;
      stack.box = { x: stack.box.x, y: stack.box.y, w: Math.max(stack.box.w, item.box.w), h: bottom(item.box) - stack.box.y };
      stack.column = { ...column, w: Math.max(right(column), right(item.column ?? item.box)) - column.x };
      stack.tag = stack.tag.includes('+') ? stack.tag : `${stack.tag}+`;
      continue;
    }
    stack = { ...item, paragraphs: [...item.paragraphs], box: { ...item.box } };
    between = [];
    out.push(stack);
  }
  return out;
}

/**
 * The text box a body block is written in: from its left edge to its
 * column's right edge, from its top down to what comes next below it across
 * its width (a block, a picture, the footer) or the bottom of the card it sits
 * in, but never shorter than its text as measured.
 */
export function roomOf(item: TextItem, items: Item[], page: { w: number; h: number }): Box {
  const { box } = item;
  const column = item.column ?? box;
  const centred = item.paragraphs.every((p) => p.align === 'center') && contains(column, { ...box, h: 1, y: column.y });
  // Centred text stays centred: the box takes the whole column on both sides.
  const x = centred ? column.x : box.x;
  const w = centred ? column.w : Math.max(box.w, right(column) - box.x);
  const across: Box = { x, y: box.y, w, h: box.h };
  let limit = page.h;
  for (const other of items) {
    if (other === item) continue;
    const o = other.box;
    if (contains(o, box) && other.kind === 'shape') {
      // A card (a filled or outlined box) around the text: its inner edge, the same inset as at the top.
      limit = Math.min(limit, bottom(o) - Math.min(24, Math.max(0, box.y - o.y)));
      continue;
    }
    if (o.y >= bottom(box) - 1 && overlapsAcross(o, across)) limit = Math.min(limit, o.y - GAP);
  }
  return { x, y: box.y, w, h: Math.max(box.h, limit - box.y) };
}

/** A slide's items with its body text stacked per column. */
export function stackSlide(slide: SlideData): Item[] {
  return stackColumns(slide.items);
}
