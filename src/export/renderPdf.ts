// Prints a built deck that is already served: opens it in the print view
// (handing the page the diagrams drawn before), prints the pages the options
// ask for (printPdf), then adds metadata and bookmarks (finishPdf), which
// needs no browser. Writes no file.
import type { Browser } from 'puppeteer';
import type { Deck, Problem } from '../deck/model.ts';
import type { HandoutSize } from './handoutLayout.ts';
import { pagesOfSlides, printPlan, type PageOfSlide } from './pages.ts';
import { postProcess } from './postProcess.ts';
import { openPrintView, printDeck } from './printPage.ts';
import type { Captured, FormatModule } from './outputFormat.ts';
import type { Progress } from './progress.ts';

export interface RenderTarget {
  browser: Browser;
  /** The built deck's index.html, served over HTTP. */
  url: string;
  deck: Deck;
  /** Diagrams drawn before by the same shell and browser (Mermaid source → SVG). */
  prerendered?: Record<string, string>;
}

export interface RenderOptions {
  notes: boolean;
  fragments: boolean;
  /** 0-based slides to print, or null for all. */
  selected: number[] | null;
  timeoutMs: number;
  /** Width of each PNG in px (--format png). */
  pngWidth?: number;
  /** Slides per A4 handout page (--handout): the PDF is then the handout. */
  handout?: HandoutSize;
}

export interface Rendered {
  pdf: Uint8Array;
  pages: PageOfSlide[];
  /** Diagrams the page drew itself (Mermaid source → SVG). */
  drawn: Record<string, string>;
}

/** What the page's doctor found on the laid-out slides. */
export interface Checked {
  doctor: Problem[];
}

export interface Printed extends Rendered, Checked {
  /** Who printed it, for the PDF's Producer. */
  browserVersion: string;
}

/** Prints a built, served deck: Chromium's PDF as it comes, before post-processing. */
export async function printPdf(target: RenderTarget, options: RenderOptions, progress: Progress, log?: (line: string) => void): Promise<Printed> {
  const { browser, deck } = target;
  const opened = await openPrintView(target, options, progress, log);
  const { selected } = options;
  const plan = printPlan(deck, selected, options.notes);
  progress.update(`printing ${selected ? `${selected.length} of ` : ''}${deck.slides.length} slides …`);
  const printed = await progress.time('print', () => printDeck(opened, plan, options.timeoutMs));
  const pages = pagesOfSlides(deck, printed.pages);
  return { pdf: printed.pdf, pages, drawn: opened.drawn, doctor: opened.doctor, browserVersion: await browser.version() };
}

/** Adds metadata and bookmarks to a printed PDF; needs no browser. */
export async function finishPdf(printed: Printed, deck: Deck, progress: Progress): Promise<Rendered> {
  const { pages, browserVersion } = printed;
  const pdf = await progress.time('post-process', () => postProcess(printed.pdf, { deck, pages, browserVersion }));
  return { pdf, pages, drawn: printed.drawn };
}

/** Prints a built, served deck and post-processes the PDF (no file written). */
export async function renderPdf(target: RenderTarget, options: RenderOptions, progress: Progress, log?: (line: string) => void): Promise<Rendered> {
  return finishPdf(await printPdf(target, options, progress, log), target.deck, progress);
}

/** The PDF as an export format: printed while the browser runs, finished after. */
export const render: FormatModule['render'] = async (target, options, progress, log): Promise<Captured> => {
  // A handout prints the slides alone (no notes pages), then lays them out on A4 while the browser runs (handout.ts).
  const printed = await printPdf(target, { ...options, notes: options.notes && !options.handout }, progress, log);
  const handout = options.handout
    ? await (await import('./handout.ts')).renderHandout(target.browser, printed, target.deck, { notes: options.notes, timeoutMs: options.timeoutMs, perPage: options.handout }, progress)
    : undefined;
  return {
    drawn: printed.drawn,
    doctor: printed.doctor,
    async finish(p: Progress) {
      const { pdf, pages } = handout ?? (await finishPdf(printed, target.deck, p));
      return { kind: 'file', data: pdf, pages: pages.length };
    },
  };
};
