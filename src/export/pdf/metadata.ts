// The PDF's document information from the deck's front matter: Title, Author,
// Subject, Keywords, Creator/Producer naming iur-deck, and the language.
import { PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { DeckMeta } from '../../deck/model.ts';
import pkg from '../../../package.json' with { type: 'json' };

export const CREATOR = 'iur-deck';

export function producer(browserVersion?: string): string {
  const via = browserVersion ? ` (${browserVersion.replace(/^(Headless)?Chrome\//, 'Chromium ')}, pdf-lib)` : ' (pdf-lib)';
  return `iur-deck ${pkg.version}${via}`;
}

export function applyMetadata(doc: PDFDocument, meta: DeckMeta, options: { browserVersion?: string; now?: Date } = {}): void {
  const now = options.now ?? new Date();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  const subject = meta.subject ?? meta.subtitle;
  if (subject) doc.setSubject(subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setCreator(CREATOR);
  doc.setProducer(producer(options.browserVersion));
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
}
