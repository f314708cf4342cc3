// Prints the print view as the PDF: applies the print plan in the page
// (src/client/print/printPlan.ts: --range, notes pages, internal links), then
// Chromium's page.pdf(), one page per planned page, bounded by the timeout.
import type { PDFOptions } from 'puppeteer';
import { TimeoutError } from '../../browser/puppeteerCore.ts';
import { ExportTimeoutError } from '../errors.ts';
import type { OpenedDeck } from '../print/printPage.ts';
import type { PrintedPage, PrintPlan } from '../../shared/printView.ts';

async function race<T>(work: Promise<T>, crashed: Promise<never>): Promise<T> {
  return Promise.race([work, crashed]);
}

/** Chromium's print options for the PDF (the benchmark's floor prints with the same: src/bench/floorBench.ts). */
export const PRINT_PDF_OPTIONS = {
  preferCSSPageSize: true,
  // reveal.js sets @page to the slide size; the same size in case a theme drops it.
  width: '1280px',
  height: '720px',
  printBackground: true,
  outline: false,
  tagged: true,
} as const satisfies PDFOptions;

/** What printing may take per page, on top of --timeout. */
export const PRINT_MS_PER_PAGE = 100;

export interface Printed {
  pdf: Uint8Array;
  /** What each page of `pdf` shows. */
  pages: PrintedPage[];
}

/** Applies the plan to the print view and prints it: one PDF page per entry of `pages`. */
export async function printDeck(opened: OpenedDeck, plan: PrintPlan, timeoutMs: number): Promise<Printed> {
  const { page, crashed } = opened;
  const pages = await race(
    page.evaluate((p: PrintPlan) => {
      const prepare = window.__iurDeck?.preparePrint;
      if (!prepare) throw new Error('the page has no print plan (window.__iurDeck.preparePrint)');
      return prepare(p);
    }, plan),
    crashed,
  );
  if (pages.length === 0) throw new Error('internal: nothing to print');
  // Printing takes time by the page (about 30 ms each here): a big deck gets more than --timeout.
  const printMs = timeoutMs + pages.length * PRINT_MS_PER_PAGE;
  try {
    const pdf = await race(page.pdf({ ...PRINT_PDF_OPTIONS, timeout: printMs }), crashed);
    return { pdf, pages };
  } catch (error) {
    if (error instanceof TimeoutError)
      throw new ExportTimeoutError(`timed out after ${printMs / 1000} s while Chromium printed ${pages.length} pages`);
    throw error;
  }
}
