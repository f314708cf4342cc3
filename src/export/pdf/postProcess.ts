// Post-processing of Chromium's PDF with pdf-lib: metadata and bookmarks.
// Everything else (pages, fonts, text, links, tags) is kept as printed.
import { PDFDocument } from 'pdf-lib';
import type { Deck } from '../../deck/model.ts';
import { applyMetadata } from './metadata.ts';
import { bookmarkTree, writeOutline } from './outline.ts';
import { firstPages, type PageOfSlide } from '../print/pages.ts';
import { finishTags, formulaLabels } from './tags.ts';
import { pageCountError } from '../../deck/slideCount.ts';

export interface PostProcessOptions {
  deck: Deck;
  pages: PageOfSlide[];
  browserVersion?: string;
}

export async function postProcess(pdf: Uint8Array, options: PostProcessOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (doc.getPageCount() !== options.pages.length) {
    throw pageCountError(options.deck, doc.getPageCount(), options.pages.length);
  }
  applyMetadata(doc, options.deck.meta, { browserVersion: options.browserVersion });
  writeOutline(doc, bookmarkTree(options.deck, firstPages(options.pages)));
  finishTags(doc, options.deck.meta.lang, formulaLabels(options.deck));
  return doc.save({ useObjectStreams: true });
}
