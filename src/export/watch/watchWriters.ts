// What `--watch` writes from the page it keeps open: one function per output
// format that renders the page's current deck into bytes (no file written;
// the watch loop writes atomically and times it). The slide PDF and the
// handout are here; another format (PPTX) plugs in by adding a writer.
import type { Browser } from 'puppeteer';
import type { Deck } from '../../deck/model.ts';
import type { ExportOptions } from '../args.ts';
import { postProcess } from '../pdf/postProcess.ts';
import { printDeck } from '../pdf/printDeck.ts';
import { pagesOfSlides, printPlan } from '../print/pages.ts';
import type { OpenedDeck } from '../print/printPage.ts';
import type { Progress } from '../progress.ts';

/** The page showing the current deck in the print view, and what it shows. */
export interface WatchPage {
  browser: Browser;
  opened: OpenedDeck;
  deck: Deck;
  /** 0-based slides of --range, or null for all. */
  selected: number[] | null;
  browserVersion: string;
}

export interface Written {
  bytes: Uint8Array;
  /** Pages (or slides) in the output, for the message. */
  pages: number;
  /** Where the time went, ms (--verbose). */
  stages: Record<string, number>;
}

async function timed<T>(stages: Record<string, number>, stage: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    stages[stage] = Math.round(performance.now() - started);
  }
}

/** Renders the current page into the output's bytes. */
export type WatchWriter = (page: WatchPage, progress: Progress) => Promise<Written>;

function pdfWriter(options: ExportOptions): WatchWriter {
  return async ({ opened, deck, selected, browserVersion }) => {
    const stages: Record<string, number> = {};
    const printed = await timed(stages, 'print', () => printDeck(opened, printPlan(deck, selected, options.notes), options.timeoutMs));
    const pages = pagesOfSlides(deck, printed.pages);
    const bytes = await timed(stages, 'post-process', () => postProcess(printed.pdf, { deck, pages, browserVersion }));
    return { bytes, pages: pages.length, stages };
  };
}

function handoutWriter(options: ExportOptions, perPage: NonNullable<ExportOptions['handout']>): WatchWriter {
  return async ({ browser, opened, deck, selected, browserVersion }, progress) => {
    const stages: Record<string, number> = {};
    const printed = await timed(stages, 'print', () => printDeck(opened, printPlan(deck, selected, false), options.timeoutMs));
    const { renderHandout } = await import('../handout/handout.ts');
    const pages = pagesOfSlides(deck, printed.pages);
    const handout = await timed(stages, 'handout', () =>
      renderHandout(
        browser,
        { pdf: printed.pdf, pages, drawn: {}, doctor: [], browserVersion },
        deck,
        { perPage, notes: options.notes, timeoutMs: options.timeoutMs },
        progress,
      ),
    );
    return { bytes: handout.pdf, pages: handout.pages.length, stages };
  };
}

/** The writer for the options given. */
export function watchWriter(options: ExportOptions): WatchWriter {
  return options.handout ? handoutWriter(options, options.handout) : pdfWriter(options);
}
