// The tagged PDF's last touches, with pdf-lib, after Chromium printed it
// (page.pdf({ tagged: true })): the document language (zh-CN from the front
// matter) when Chromium left none, the title in the window's title bar
// (DisplayDocTitle, set with the title in metadata.ts), and a RoleMap for the
// PDF 2.0 structure types Chromium writes into its PDF 1.x file (Strong, Em):
// mapped to Span, a PDF 1.7 standard type, so readers that know only 1.7
// (poppler, older Acrobat) keep their text in the tree instead of dropping it.
import { PDFDict, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/** Non-1.7 types Chromium uses, and the standard type each is read as. */
export const ROLE_MAP: Record<string, string> = { Strong: 'Span', Em: 'Span', Title: 'H1', FENote: 'Note', Sub: 'Span' };

export function finishTags(doc: PDFDocument, lang: string): void {
  const catalog = doc.catalog;
  if (!catalog.get(PDFName.of('Lang'))) catalog.set(PDFName.of('Lang'), PDFString.of(lang));
  const root = catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return;
  const existing = root.lookup(PDFName.of('RoleMap'));
  const map = existing instanceof PDFDict ? existing : doc.context.obj({});
  for (const [from, to] of Object.entries(ROLE_MAP)) {
    if (!map.get(PDFName.of(from))) map.set(PDFName.of(from), PDFName.of(to));
  }
  root.set(PDFName.of('RoleMap'), map);
}
