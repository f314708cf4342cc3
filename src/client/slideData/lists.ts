// Lists for the slide reader: a list as one text block, a paragraph per
// item with its bullet (the deck's drawn squares as ■/□ at their size and
// colour, numbers as auto-numbering with the list's own start only where the
// Markdown gave one), nested lists one level in, the items' gaps as spacing,
// each item's fragment step on its paragraph (stepped one by one).
import type { Bullet, Item, Paragraph } from '../../shared/slideData.ts';
import { boxOf, contentBox } from './geometry.ts';
import { blockRuns } from './runs.ts';
import { shapesOf } from './shapes.ts';
import { stepOf } from './steps.ts';
import { alignOf, borderOf, colour, hidden, lineHeightOf, px, visible } from './style.ts';

const isList = (el: Element): boolean => el.tagName === 'UL' || el.tagName === 'OL';

/** The bullet an item shows: a number, a drawn square (its ::before), a disc, or none. */
export function bulletOf(li: Element, ordered: boolean, startAt: number | undefined): Bullet | undefined {
  const cs = getComputedStyle(li);
  if (cs.listStyleType === 'none' && ordered) return undefined;
  if (ordered) {
    const marker = getComputedStyle(li, '::marker');
    const bold = Number(marker.fontWeight || cs.fontWeight) >= 600;
    return {
      kind: 'number',
      char: '',
      start: startAt ?? 1,
      explicitStart: startAt !== undefined,
      bold,
      colour: colour(marker.color) ?? colour(cs.color)!,
      size: 100,
    };
  }
  const before = getComputedStyle(li, '::before');
  const fill = colour(before.backgroundColor);
  const ring = borderOf(before, 'top');
  if (before.content !== 'none' && before.content !== 'normal' && (visible(fill) || ring)) {
    // A drawn square: ■ at the square's size (the glyph fills about 0.6 em).
    const size = Math.round(Math.min(100, Math.max(25, (px(before.width) / px(cs.fontSize) / 0.6) * 100)));
    return { kind: 'char', char: visible(fill) ? '■' : '□', start: 1, bold: false, colour: visible(fill) ? fill : ring!.colour, size };
  }
  if (cs.listStyleType !== 'none') return { kind: 'char', char: '•', start: 1, bold: false, colour: colour(cs.color)!, size: 100 };
  return undefined;
}

interface ListWalk {
  listBox: { x: number; y: number; w: number; h: number };
  paragraphs: Paragraph[];
  /** Items' own fills and rules, drawn under the list's text. */
  shapes: Item[];
  prevBottom: number | null;
  first: number | null;
  last: number;
}

function walkList(l: Element, level: number, w: ListWalk): void {
  const lcs = getComputedStyle(l);
  const lBox = boxOf(l.getBoundingClientRect());
  const ordered = l.tagName === 'OL';
  // Only a start the Markdown wrote (<ol start="3">) is kept: the others renumber themselves.
  const startAt = ordered && l.hasAttribute('start') ? (l as HTMLOListElement).start : undefined;
  let index = 0;
  for (const li of Array.from(l.children)) {
    if (li.tagName !== 'LI') continue;
    const cs = getComputedStyle(li);
    if (hidden(cs)) continue;
    const liBox = contentBox(li, cs);
    const step = stepOf(li);
    shapesOf(cs, boxOf(li.getBoundingClientRect()), 'li', w.shapes, step);
    const runs = blockRuns(li, (child) => isList(child) || hidden(getComputedStyle(child)));
    const bullet = bulletOf(li, ordered, index === 0 ? startAt : undefined);
    index++;
    // The item's own line(s): from its top to its first nested list, if any.
    const top = liBox.y;
    const gap = w.prevBottom === null ? 0 : Math.max(0, top - w.prevBottom);
    w.first ??= top;
    w.paragraphs.push({
      runs,
      align: alignOf(cs),
      lineHeight: lineHeightOf(cs),
      spaceBefore: gap,
      indent: liBox.x - w.listBox.x,
      bulletAt: lBox.x - w.listBox.x + Math.max(0, px(lcs.paddingLeft) - px(cs.fontSize) * 1.1),
      bullet,
      level,
      step,
    });
    const nested = Array.from(li.children).filter(isList);
    w.prevBottom =
      nested.length > 0 ? boxOf(nested[0].getBoundingClientRect()).y - px(getComputedStyle(nested[0]).marginTop) : liBox.y + liBox.h;
    w.last = Math.max(w.last, liBox.y + liBox.h);
    for (const sub of nested) {
      walkList(sub, level + 1, w);
      const sb = boxOf(sub.getBoundingClientRect());
      w.prevBottom = sb.y + sb.h;
    }
  }
}

/** A list as one text box: a paragraph per item, nested lists one level in. */
export function listItem(list: Element, out: Item[]): void {
  const w: ListWalk = { listBox: boxOf(list.getBoundingClientRect()), paragraphs: [], shapes: [], prevBottom: null, first: null, last: 0 };
  walkList(list, 0, w);
  out.push(...w.shapes);
  if (w.paragraphs.length === 0 || w.first === null) return;
  const { listBox } = w;
  out.push({
    kind: 'text',
    tag: list.tagName.toLowerCase(),
    box: { x: listBox.x, y: w.first, w: listBox.w, h: Math.max(1, w.last - w.first) },
    column: listBox,
    paragraphs: w.paragraphs,
  });
}
