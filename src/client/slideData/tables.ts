// Tables for the slide reader: a table as a table, its grid (spans
// placed), column widths, row heights, and per cell its runs, fill (the
// cell's, else its row's or row group's), padding and borders. The table's
// own top and bottom rules become the first row's top and the last row's
// bottom cell borders, so they follow the rows when a row grows.
import type { Border, Cell, Item } from '../../shared/slideData.ts';
import { boxOf } from './geometry.ts';
import { blockRuns } from './runs.ts';
import { stepOf } from './steps.ts';
import { alignOf, borderOf, colour, lineHeightOf, px, visible } from './style.ts';

/** Each grid column's width, from a cell that spans it alone; the others share what is left. */
export function columnWidths(table: HTMLTableElement, width: number): number[] {
  const taken: boolean[][] = [];
  const widths: number[] = [];
  Array.from(table.rows).forEach((tr, r) => {
    let col = 0;
    for (const td of Array.from(tr.cells)) {
      while (taken[r]?.[col]) col++;
      for (let dr = 0; dr < td.rowSpan; dr++) for (let dc = 0; dc < td.colSpan; dc++) (taken[r + dr] ??= [])[col + dc] = true;
      if (td.colSpan === 1) widths[col] ??= td.getBoundingClientRect().width;
      col += td.colSpan;
    }
  });
  const count = Math.max(1, ...taken.map((row) => row.length));
  const known = widths.reduce((sum, w) => sum + (w ?? 0), 0);
  const unknown = Array.from({ length: count }, (_, i) => i).filter((i) => widths[i] === undefined).length;
  return Array.from({ length: count }, (_, i) => widths[i] ?? Math.max(1, (width - known) / Math.max(1, unknown)));
}

function cellOf(td: HTMLTableCellElement, tr: HTMLTableRowElement, table: HTMLTableElement): Cell {
  const cs = getComputedStyle(td);
  const runs = blockRuns(td, () => false);
  // The cell's fill, else its row's, else its row group's.
  let fill = colour(cs.backgroundColor);
  for (let up: Element | null = tr; !visible(fill) && up && up !== table; up = up.parentElement)
    fill = colour(getComputedStyle(up).backgroundColor);
  const valign = cs.verticalAlign === 'middle' ? 'middle' : cs.verticalAlign === 'bottom' ? 'bottom' : 'top';
  return {
    paragraphs: [{ runs, align: alignOf(cs), lineHeight: lineHeightOf(cs), spaceBefore: 0, indent: 0, bulletAt: 0, level: 0 }],
    fill: visible(fill) ? fill : undefined,
    borders: ['top', 'right', 'bottom', 'left'].map((s) => borderOf(cs, s)),
    padding: [cs.paddingTop, cs.paddingRight, cs.paddingBottom, cs.paddingLeft].map(px),
    valign,
    colspan: td.colSpan,
    rowspan: td.rowSpan,
  };
}

/** The table's own rules onto its outer cells: top onto the first row, bottom onto the cells that end in the last row. */
export function foldTableRules(rows: { cells: Cell[] }[], top: Border | null, bottom: Border | null): void {
  if (top) for (const cell of rows[0]?.cells ?? []) cell.borders[0] = top;
  if (!bottom) return;
  rows.forEach((row, r) => {
    for (const cell of row.cells) if (r + cell.rowspan >= rows.length) cell.borders[2] = bottom;
  });
}

export function tableItem(table: HTMLTableElement, out: Item[]): void {
  const tBox = boxOf(table.getBoundingClientRect());
  const rows = Array.from(table.rows).map((tr) => ({
    height: boxOf(tr.getBoundingClientRect()).h,
    cells: Array.from(tr.cells).map((td) => cellOf(td, tr, table)),
  }));
  const tcs = getComputedStyle(table);
  foldTableRules(rows, borderOf(tcs, 'top'), borderOf(tcs, 'bottom'));
  out.push({ kind: 'table', box: tBox, columns: columnWidths(table, tBox.w), rows, step: stepOf(table) });
}
