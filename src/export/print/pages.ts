// What the printed PDF holds, in Deck terms: the slide each page shows, the
// first page of each printed slide, and the print plan sent to the page.
import type { Deck } from '../../deck/model.ts';
import type { SlideKey, PrintedPage, PrintPlan } from '../../shared/printView.ts';

export interface PageOfSlide {
  /** 0-based index in deck.slides. */
  slide: number;
  kind: PrintedPage['kind'];
}

export function slideKey(deck: Deck, index: number): SlideKey {
  const { file, line } = deck.slides[index].pos;
  return `${file}:${line}`;
}

/** Notes-page heading of a slide: its number, its title, the word for notes. */
function notesLabel(deck: Deck, index: number): string {
  const zh = /^zh\b/i.test(deck.meta.lang);
  const title = deck.slides[index].title;
  return [String(index + 1), title, zh ? '备注' : 'Notes'].filter(Boolean).join(' · ');
}

export function printPlan(deck: Deck, selected: number[] | null, notes: boolean): PrintPlan {
  const labels: Record<SlideKey, string> = {};
  const links: Record<string, SlideKey> = {};
  deck.slides.forEach((slide, i) => {
    const key = slideKey(deck, i);
    labels[key] = notesLabel(deck, i);
    links[`#/${slide.h}/${slide.v}`] = key;
    if (slide.v === 0) links[`#/${slide.h}`] = key;
  });
  return { keep: selected ? selected.map((i) => slideKey(deck, i)) : null, notes, labels, links };
}

/** The slide of each printed page; throws if the page printed a slide the model does not know. */
export function pagesOfSlides(deck: Deck, printed: PrintedPage[]): PageOfSlide[] {
  const index = new Map<SlideKey, number>(deck.slides.map((_, i) => [slideKey(deck, i), i]));
  return printed.map(({ key, kind }) => {
    const slide = index.get(key);
    if (slide === undefined) throw new Error(`internal: the page printed a slide the deck model does not have (${key})`);
    return { slide, kind };
  });
}

/** 0-based page index of the first page of each printed slide. */
export function firstPages(pages: PageOfSlide[]): Map<number, number> {
  const first = new Map<number, number>();
  pages.forEach(({ slide }, page) => {
    if (!first.has(slide)) first.set(slide, page);
  });
  return first;
}
