// The tagged PDF's last touches, with pdf-lib, after Chromium printed it
// (page.pdf({ tagged: true })): the document language (zh-CN from the front
// matter) when Chromium left none, the title in the window's title bar
// (DisplayDocTitle, set with the title in metadata.ts), and a RoleMap for the
// PDF 2.0 structure types Chromium writes into its PDF 1.x file (Strong, Em):
// mapped to Span, a PDF 1.7 standard type, so readers that know only 1.7
// (poppler, older Acrobat) keep their text in the tree instead of dropping it.
// And each formula a Formula: the page gives it role="img" with its TeX as the
// label (src/markdown/rules/math.ts), which Chromium writes as a Figure with
// that Alt around the formula's glyphs; a Figure whose Alt is one of the
// deck's formulas becomes a Formula (a PDF 1.7 standard type), Alt kept.
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { Deck } from '../../deck/model.ts';

/** Non-1.7 types Chromium uses, and the standard type each is read as. */
export const ROLE_MAP: Record<string, string> = { Strong: 'Span', Em: 'Span', Title: 'H1', FENote: 'Note', Sub: 'Span' };

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The labels (TeX) of the deck's formulas, as the page says them (each wrapper's aria-label). */
export function formulaLabels(deck: Pick<Deck, 'formulas'>): Set<string> {
  return new Set((deck.formulas ?? []).map((f) => normal(f.tex)));
}

/** Makes each Figure whose Alt is a formula's label a Formula; how many. */
export function tagFormulas(doc: PDFDocument, labels: Set<string>): number {
  if (labels.size === 0) return 0;
  let n = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('S')) !== PDFName.of('Figure')) continue;
    const alt = obj.get(PDFName.of('Alt'));
    if (!(alt instanceof PDFString || alt instanceof PDFHexString) || !labels.has(normal(alt.decodeText()))) continue;
    obj.set(PDFName.of('S'), PDFName.of('Formula'));
    n++;
  }
  return n;
}

export function finishTags(doc: PDFDocument, lang: string, formulas: Set<string> = new Set()): void {
  tagFormulas(doc, formulas);
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
