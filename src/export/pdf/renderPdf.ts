// Prints a built deck that is already served: opens it in the print view
// (handing the page the diagrams drawn before), prints the pages the options
// ask for (printPdf), then adds metadata and bookmarks (finishPdf), which
// needs no browser. Writes no file. A handout is made from printPdf's pages
// by handout/.
import type { Deck } from '../../deck/model.ts';
import type { Problem } from '../../shared/problem.ts';
import type { Captured, FormatModule, RenderOptions, RenderTarget } from '../contract.ts';
import { pagesOfSlides, printPlan, type PageOfSlide } from '../print/pages.ts';
import { openPrintView } from '../print/printPage.ts';
import type { Progress } from '../progress.ts';
import { postProcess } from './postProcess.ts';
import { printDeck } from './printDeck.ts';

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
export async function printPdf(
  target: RenderTarget,
  options: RenderOptions,
  progress: Progress,
  log?: (line: string) => void,
): Promise<Printed> {
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
export async function renderPdf(
  target: RenderTarget,
  options: RenderOptions,
  progress: Progress,
  log?: (line: string) => void,
): Promise<Rendered> {
  return finishPdf(await printPdf(target, options, progress, log), target.deck, progress);
}

/** The PDF as an export format: printed while the browser runs, finished after. */
export const render: FormatModule['render'] = async (target, options, progress, log): Promise<Captured> => {
  const printed = await printPdf(target, options, progress, log);
  return {
    drawn: printed.drawn,
    doctor: printed.doctor,
    async finish(p: Progress) {
      const { pdf, pages } = await finishPdf(printed, target.deck, p);
      return { kind: 'file', data: pdf, pages: pages.length };
    },
  };
};
