// `--handout 3|6`: the slide PDF Chromium printed, placed onto A4 pages. The
// frame (header, footer, captions, ruled lines or notes) is printed from HTML
// by the same Chromium in the bundled font; each slide page then goes into its
// box as a PDF form XObject (pdf-lib embedPdf/drawPage): the same vector
// rendering as the slide PDF, text still text. Bookmarks per part and slide
// point at the handout pages; the metadata is the front matter's. A client
// of the PDF writer (pdf/): it prints the slides, the handout places them.
import type { Browser } from 'puppeteer';
import { PDFDocument } from 'pdf-lib';
import type { Deck } from '../../deck/model.ts';
import { fontFaceCss } from '../../font/css.ts';
import { DECK_WEIGHTS, type DeckWeight } from '../../font/source.ts';
import { subsetFont } from '../../font/subset.ts';
import type { FormatModule, HandoutSize } from '../contract.ts';
import { applyMetadata } from '../pdf/metadata.ts';
import { bookmarkTree, writeOutline } from '../pdf/outline.ts';
import { printPdf, type Printed, type Rendered } from '../pdf/renderPdf.ts';
import type { PageOfSlide } from '../print/pages.ts';
import type { Progress } from '../progress.ts';
import { fitNotes, frameContent, frameHtml, frameText } from './handoutFrame.ts';
import { A4, handoutLayout } from './handoutLayout.ts';
import { graftSlideTags, type PlacedSlide } from './handoutTags.ts';
import { finishTags, formulaLabels } from '../pdf/tags.ts';

export interface HandoutOptions {
  perPage: HandoutSize;
  notes: boolean;
  timeoutMs: number;
}

/** The frame's font: the bundled font subset to the frame's own text, inlined. */
async function frameFontCss(text: string): Promise<string> {
  const urls = {} as Record<DeckWeight, string>;
  await Promise.all(
    DECK_WEIGHTS.map(async (weight) => {
      urls[weight] = `data:font/ttf;base64,${(await subsetFont(text, weight, 'truetype')).toString('base64')}`;
    }),
  );
  return fontFaceCss(urls, 'truetype');
}

/** Prints the frame pages in a page of its own; returns the PDF and the slides whose notes overflow. */
async function printFrame(browser: Browser, html: string, timeoutMs: number): Promise<{ pdf: Uint8Array; overflowing: number[] }> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const overflowing = await page.evaluate(fitNotes);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: timeoutMs });
    return { pdf, overflowing };
  } finally {
    await page.close().catch(() => {});
  }
}

/** The handout from the printed slides (one PDF page per slide, no notes pages). */
export async function renderHandout(
  browser: Browser,
  printed: Printed,
  deck: Deck,
  options: HandoutOptions,
  progress: Progress,
): Promise<Rendered> {
  const slides = printed.pages.map((p) => p.slide);
  const layout = handoutLayout(options.perPage, options.notes);
  const content = frameContent(deck, slides, options.perPage);
  progress.update(`handout: ${content.pages.length} A4 pages, ${options.perPage} slides each …`);
  const frame = await progress.time('handout frame', async () => {
    const css = await frameFontCss(frameText(deck, content));
    return printFrame(browser, frameHtml(deck, content, layout, css), options.timeoutMs);
  });
  for (const n of frame.overflowing)
    progress.line(`handout: the notes of slide ${n} do not fit beside it (shortened at 6 pt)`, process.stderr);

  const pdf = await progress.time('post-process', async () => {
    const doc = await PDFDocument.load(frame.pdf, { updateMetadata: false });
    if (doc.getPageCount() !== content.pages.length) {
      throw new Error(`internal: the handout frame printed ${doc.getPageCount()} pages for ${content.pages.length} planned`);
    }
    const embedded = await doc.embedPdf(
      printed.pdf,
      slides.map((_, i) => i),
    );
    let n = 0;
    const placed: PlacedSlide[] = [];
    content.pages.forEach((onPage, p) => {
      const page = doc.getPage(p);
      const { height } = page.getSize();
      const scale = height / A4.height; // 1 unless Chromium rounded the page size
      onPage.forEach((_, k) => {
        const box = layout.slots[k].slide;
        placed.push({ page, slidePage: n, xobject: embedded[n] });
        page.drawPage(embedded[n++], {
          x: box.x * scale,
          y: height - (box.y + box.height) * scale,
          width: box.width * scale,
          height: box.height * scale,
        });
      });
    });
    // The tagged PDF: each slide's structure where it sits on the sheet.
    await graftSlideTags(doc, await PDFDocument.load(printed.pdf, { updateMetadata: false }), placed);
    finishTags(doc, deck.meta.lang, formulaLabels(deck));
    applyMetadata(doc, deck.meta, { browserVersion: printed.browserVersion });
    const firstPage = new Map<number, number>();
    content.pages.forEach((onPage, p) => onPage.forEach((slide) => firstPage.set(slide, p)));
    writeOutline(doc, bookmarkTree(deck, firstPage));
    return doc.save({ useObjectStreams: true });
  });
  const pages: PageOfSlide[] = content.pages.map((onPage) => ({ slide: onPage[0], kind: 'slide' }));
  return { pdf, pages };
}

/** The handout as an export format (a PDF with --handout): laid out on A4 while the browser runs. */
export const view: FormatModule['view'] = (options) => ({ fragments: options.fragments, annotations: options.annotations });

export const capture: FormatModule['capture'] = async (target, options, progress) => {
  const perPage = options.handout;
  if (perPage === undefined) throw new Error('internal: a handout without --handout');
  // The slides alone (no notes pages): the notes, if asked for, go beside them on the handout.
  const printed = await printPdf(target, { ...options, notes: false }, progress);
  const handout = await renderHandout(
    target.browser,
    printed,
    target.deck,
    { notes: options.notes, timeoutMs: options.timeoutMs, perPage },
    progress,
  );
  return { finish: () => Promise.resolve({ kind: 'file', data: handout.pdf, pages: handout.pages.length }) };
};
