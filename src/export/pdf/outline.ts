// The PDF's bookmarks: one entry per part of the talk with a child per slide
// title, built from the Deck model and the printed page map (Chromium's own
// outline is wrong for reveal.js), and written into the PDF with pdf-lib.
import { PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFRef } from 'pdf-lib';
import type { Deck } from '../../deck/model.ts';

export interface Bookmark {
  title: string;
  /** 0-based page index. */
  page: number;
  children: Bookmark[];
}

/**
 * Parts that have a printed slide, each pointing at its first printed page,
 * with one child per printed slide that has a title.
 */
export function bookmarkTree(deck: Deck, firstPage: Map<number, number>): Bookmark[] {
  const tree: Bookmark[] = [];
  deck.parts.forEach((part, p) => {
    const end = deck.parts[p + 1]?.firstSlide ?? deck.slides.length;
    const children: Bookmark[] = [];
    let partPage: number | undefined;
    for (let i = part.firstSlide; i < end; i++) {
      const page = firstPage.get(i);
      if (page === undefined) continue;
      partPage ??= page;
      const title = deck.slides[i].title.trim();
      if (title) children.push({ title, page, children: [] });
    }
    if (partPage !== undefined) tree.push({ title: part.title.trim() || part.file, page: partPage, children });
  });
  return tree;
}

/** Visible entries below an item when every item is open. */
function countOpen(items: Bookmark[]): number {
  return items.reduce((n, item) => n + 1 + countOpen(item.children), 0);
}

/** Replaces the document outline with `items` (all open) and shows it when the PDF is opened. */
export function writeOutline(doc: PDFDocument, items: Bookmark[]): void {
  const { context, catalog } = doc;
  const pages = doc.getPages();
  const root = context.nextRef();

  const addLevel = (level: Bookmark[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = level.map(() => context.nextRef());
    level.forEach((item, i) => {
      const page = pages[item.page];
      if (!page) throw new Error(`internal: bookmark "${item.title}" points at page ${item.page + 1} of ${pages.length}`);
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parent);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
      // Top-left of the page, zoom unchanged.
      dict.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
      if (item.children.length > 0) {
        const { first, last } = addLevel(item.children, refs[i]);
        dict.set(PDFName.of('First'), first);
        dict.set(PDFName.of('Last'), last);
        dict.set(PDFName.of('Count'), PDFNumber.of(countOpen(item.children)));
      }
      context.assign(refs[i], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1] };
  };

  if (items.length === 0) {
    catalog.delete(PDFName.of('Outlines'));
    return;
  }
  const outlines = context.obj({ Type: 'Outlines' });
  const { first, last } = addLevel(items, root);
  outlines.set(PDFName.of('First'), first);
  outlines.set(PDFName.of('Last'), last);
  outlines.set(PDFName.of('Count'), PDFNumber.of(countOpen(items)));
  context.assign(root, outlines);
  catalog.set(PDFName.of('Outlines'), root);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
