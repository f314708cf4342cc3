// Display formulas for the slide reader: a block of their own, one formula
// run (runs.ts formulaRun: its TeX, for the PowerPoint writer's equation),
// centred, in a box as wide as the formula as KaTeX set it (a reader that
// makes the equation an object of the box's size, LibreOffice, draws it at
// its own proportions).
import type { Item } from '../../shared/slideData.ts';
import { boxOf } from './geometry.ts';
import { formulaRun } from './runs.ts';
import { lineHeightOf } from './style.ts';

function union(rects: DOMRect[]): DOMRect {
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return new DOMRect(left, top, right - left, bottom - top);
}

export function formulaBlock(el: Element, out: Item[]): void {
  // KaTeX's display box runs the column's width; its pieces (.katex-base, .base before 0.19) are the formula's own.
  const pieces = Array.from(el.querySelectorAll('.katex-html > .katex-base, .katex-html > .base')).map((p) => p.getBoundingClientRect());
  const formula = pieces.length > 0 ? union(pieces) : el.getBoundingClientRect();
  const pad = formula.width * 0.03;
  const box = boxOf(new DOMRect(formula.left - pad, formula.top, formula.width + 2 * pad, formula.height));
  const cs = getComputedStyle(el);
  out.push({
    kind: 'text',
    tag: 'formula',
    box,
    column: box,
    paragraphs: [
      { runs: [formulaRun(el)], align: 'center', lineHeight: lineHeightOf(cs), spaceBefore: 0, indent: 0, bulletAt: 0, level: 0 },
    ],
  });
}
