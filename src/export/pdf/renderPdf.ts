// The PDF: prints the open print view with the pages the options ask for
// (printPdf: the print plan applied in the page, then Chromium's page.pdf),
// then adds metadata and bookmarks (finishPdf), which needs no browser.
// Writes no file. A handout is made from printPdf's pages by handout/.
import type { Browser } from 'puppeteer';
import type { Deck } from '../../deck/model.ts';
import type { FormatModule, RenderOptions, RenderTarget } from '../contract.ts';
import { pagesOfSlides, printPlan, type PageOfSlide } from '../print/pages.ts';
import { openForPrint } from '../print/printPage.ts';
import type { Progress } from '../progress.ts';
import { postProcess } from './postProcess.ts';
import { printDeck } from './printDeck.ts';

export interface Rendered {
  pdf: Uint8Array;
  pages: PageOfSlide[];
}

export interface Printed extends Rendered {
  /** Who printed it, for the PDF's Producer. */
  browserVersion: string;
}

/** Prints the open print view: Chromium's PDF as it comes, before post-processing. */
export async function printPdf(target: RenderTarget, options: RenderOptions, progress: Progress): Promise<Printed> {
  const { browser, deck, opened } = target;
  const { selected } = options;
  const plan = printPlan(deck, selected, options.notes);
  progress.update(`printing ${selected ? `${selected.length} of ` : ''}${deck.slides.length} slides …`);
  const printed = await progress.time('print', () => printDeck(opened, plan, options.timeoutMs));
  const pages = pagesOfSlides(deck, printed.pages);
  return { pdf: printed.pdf, pages, browserVersion: await browser.version() };
}

/** Adds metadata and bookmarks to a printed PDF; needs no browser. */
export async function finishPdf(printed: Printed, deck: Deck, progress: Progress): Promise<Rendered> {
  const { pages, browserVersion } = printed;
  const pdf = await progress.time('post-process', () => postProcess(printed.pdf, { deck, pages, browserVersion }));
  return { pdf, pages };
}

/** A built, served deck printed and finished in one call, outside the pipeline (tests and tools that build once and print often). */
export async function renderPdf(
  served: { browser: Browser; url: string; deck: Deck },
  options: RenderOptions,
  progress: Progress,
): Promise<Rendered> {
  const { browser, url, deck } = served;
  const view = { fragments: options.fragments, annotations: options.annotations };
  const opened = await openForPrint(browser, { url, ...view, timeoutMs: options.timeoutMs, slides: deck.slides.map((s) => s.pos) });
  return finishPdf(await printPdf({ browser, deck, opened }, options, progress), deck, progress);
}

/** The PDF as an export format: printed while the browser runs, finished after. */
export const view: FormatModule['view'] = (options) => ({ fragments: options.fragments, annotations: options.annotations });

export const capture: FormatModule['capture'] = async (target, options, progress) => {
  const printed = await printPdf(target, options, progress);
  return {
    async finish(p: Progress) {
      const { pdf, pages } = await finishPdf(printed, target.deck, p);
      return { kind: 'file', data: pdf, pages: pages.length };
    },
  };
};
