// The walk of the slide reader: one element at a time, its shapes
// (background, borders, drawing pseudo-elements), then its text, picture,
// table or list, then its children. Generic, not tied to the theme's class
// names: a block with text becomes a text box, its width the column it sits
// in; what a text box is for (the slide's title, the footer, the part marker,
// the slide number) is told by the element, for the placeholders.
import type { Box, Item, TextItem } from '../../shared/slideData.ts';
import { boxOf, contentBox, originOf } from './geometry.ts';
import { listItem } from './lists.ts';
import { pictureItem } from './pictures.ts';
import type { PseudoQueue } from './pseudo.ts';
import { balancedBreaks, hasText, isFormula, linkOf, runsOf, tidy } from './runs.ts';
import { codeItem } from './code.ts';
import { formulaBlock } from './formulas.ts';
import { shapesOf } from './shapes.ts';
import { stepOf } from './steps.ts';
import { tableItem } from './tables.ts';
import { alignOf, hidden, INLINE, isInline, lineHeightOf, px, SKIP } from './style.ts';

export interface WalkContext {
  /** The slide's heading, written in the title placeholder. */
  title: Element | null;
  svgFonts: string;
  pseudo: PseudoQueue;
}

/** The lines an element's own inline text takes (when it also has block children). */
export function inlineExtent(el: Element, cs: CSSStyleDeclaration): { y: number; h: number } | null {
  let top = Infinity;
  let bottom = -Infinity;
  let glyphHeight = px(cs.fontSize) * 1.45;
  for (const node of Array.from(el.childNodes)) {
    if (node instanceof Element && (!isInline(node) || node.tagName === 'IUR-PSEUDO')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of Array.from(range.getClientRects())) {
      if (r.height === 0 || r.width === 0) continue;
      if (r.top < top) glyphHeight = r.height;
      top = Math.min(top, r.top);
      bottom = Math.max(bottom, r.bottom);
    }
  }
  if (top === Infinity) return null;
  // Glyph boxes are the font's height; a line box adds half the leading above and below.
  const lead = Math.max(0, (lineHeightOf(cs) - glyphHeight) / 2);
  return { y: top - lead - originOf().y, h: bottom - top + 2 * lead };
}

/** Where an element's text starts across when a picture (an icon) sits before it on its line; -Infinity otherwise. */
export function iconIndent(el: Element): number {
  const icon = Array.from(el.children).find((c) => c.tagName.toLowerCase() === 'svg' || c.tagName === 'IMG');
  if (!icon) return -Infinity;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node.textContent ?? '').trim() === '' || node.parentElement?.closest('svg')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const first = Array.from(range.getClientRects()).find((r) => r.width > 0 && r.height > 0);
    if (!first) continue;
    const ir = icon.getBoundingClientRect();
    const sameLine = ir.bottom > first.top && ir.top < first.bottom;
    return sameLine && ir.right <= first.left + 1 ? first.left - originOf().x : -Infinity;
  }
  return -Infinity;
}

/** What a text box is for: the slide's title, the footer, its part marker, the slide number, or body text. */
export function roleOf(el: Element, ctx: Pick<WalkContext, 'title'>): TextItem['role'] {
  if (ctx.title === el) return 'title';
  if (/slide-number/.test(el.getAttribute('class') ?? '') || el.closest('.slide-number, .slide-number-pdf')) return 'number';
  if (el.closest('footer')) return /part|marker/.test(el.getAttribute('class') ?? '') ? 'marker' : 'footer';
  return undefined;
}

/** The column a block sits in: its parent's content box, unless the parent sets its children in a row. */
export function columnOf(el: Element, own: Box): Box {
  const parent = el.parentElement;
  if (!parent) return own;
  const pcs = getComputedStyle(parent);
  const row = (/flex/.test(pcs.display) && !/column/.test(pcs.flexDirection)) || /grid/.test(pcs.display);
  if (row || hidden(pcs)) return own;
  const column = contentBox(parent, pcs);
  return column.x <= own.x + 1 && column.x + column.w >= own.x + own.w - 1 ? column : own;
}

/** A block's own text as one text box: across, where its lines wrap; down, where its lines are. */
function blockText(el: Element, cs: CSSStyleDeclaration, ctx: WalkContext, out: Item[]): void {
  const runs: Parameters<typeof tidy>[0] = [];
  // A balanced heading's line breaks are read character by character: only where it has more than one line.
  const balanced =
    /balance/.test(cs.getPropertyValue('text-wrap-style') || cs.getPropertyValue('text-wrap')) &&
    el.getBoundingClientRect().height > lineHeightOf(cs) * 1.5;
  runsOf(el, runs, el.tagName === 'A' ? linkOf(el) : undefined, balanced ? balancedBreaks(el) : undefined);
  const tidied = tidy(runs);
  if (!hasText(tidied)) return;
  const box = contentBox(el, cs);
  const extent = inlineExtent(el, cs);
  if (extent) Object.assign(box, extent);
  // An icon set before the text (a card's heading): the text box starts where the text does.
  const start = iconIndent(el);
  if (start > box.x) {
    box.w = Math.max(1, box.w - (start - box.x));
    box.x = start;
  }
  out.push({
    kind: 'text',
    tag: el.tagName.toLowerCase(),
    box,
    column: start > -Infinity ? box : columnOf(el, box),
    role: roleOf(el, ctx),
    paragraphs: [
      {
        runs: tidied,
        align: alignOf(cs),
        lineHeight: lineHeightOf(cs),
        spaceBefore: 0,
        indent: 0,
        bulletAt: 0,
        level: 0,
        step: stepOf(el),
      },
    ],
  });
}

/**
 * An element read whole, its children not walked: a code block (code.ts), a
 * display formula (formulas.ts), a table, a list set as a list.
 */
function whole(el: Element, cs: CSSStyleDeclaration, tag: string, out: Item[]): boolean {
  if (el instanceof HTMLPreElement && el.classList.contains('code-block')) codeItem(el, out);
  else if (isFormula(el) && !INLINE.has(cs.display)) formulaBlock(el, out);
  else if (el instanceof HTMLTableElement) tableItem(el, out);
  // A list set as a grid or a row of boxes (cards) is no list on the slide: each item is walked as a block.
  else if ((tag === 'ul' || tag === 'ol') && !/grid|flex/.test(cs.display)) listItem(el, out);
  else return false;
  return true;
}

/** Walks one element: its shapes, then its text or picture or table, then its children. */
export function walk(el: Element, ctx: WalkContext, out: Item[]): void {
  if (SKIP.has(el.tagName) || el.tagName === 'IUR-PSEUDO') return;
  const cs = getComputedStyle(el);
  if (hidden(cs)) return;
  const tag = el.tagName.toLowerCase();
  // A table's own rules become its cells' borders (tables.ts).
  if (cs.display !== 'contents' && !(el instanceof HTMLTableElement)) shapesOf(cs, boxOf(el.getBoundingClientRect()), tag, out, stepOf(el));
  ctx.pseudo.add(el, '::before', out);
  if (el instanceof SVGSVGElement || el instanceof HTMLImageElement || el instanceof HTMLCanvasElement) {
    pictureItem(el, ctx.svgFonts, out);
    return;
  }
  if (whole(el, cs, tag, out)) {
    ctx.pseudo.add(el, '::after', out);
    return;
  }
  if (!INLINE.has(cs.display)) blockText(el, cs, ctx, out);
  for (const child of Array.from(el.children)) {
    const ctag = child.tagName.toLowerCase();
    if (INLINE.has(getComputedStyle(child).display) && ctag !== 'svg' && ctag !== 'img') {
      // Inline children are in the runs; their drawings (pictures) still count.
      // (KaTeX draws some glyphs, a root's sign, as SVG: a formula is one equation, not pictures.)
      for (const pic of Array.from(child.querySelectorAll('svg, img')))
        if (!pic.parentElement?.closest('svg, .math')) pictureItem(pic, ctx.svgFonts, out);
      continue;
    }
    walk(child, ctx, out);
  }
  ctx.pseudo.add(el, '::after', out);
}
