// Reads an exported PDF back (tests, benchmark): its bookmarks with their
// target pages, its document information and its internal links.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface ReadBookmark {
  title: string;
  /** 0-based page index, -1 when the target is not a page of this document. */
  page: number;
  children: ReadBookmark[];
}

function text(obj: PDFObject | undefined): string {
  return obj instanceof PDFHexString || obj instanceof PDFString ? obj.decodeText() : '';
}

function pageIndexOf(doc: PDFDocument, target: PDFObject | undefined): number {
  const ref = target instanceof PDFRef ? target : undefined;
  return ref
    ? doc.getPages().findIndex((p) => p.ref.objectNumber === ref.objectNumber && p.ref.generationNumber === ref.generationNumber)
    : -1;
}

/** The page a destination (an explicit array or a name in /Dests) points at. */
function destPage(doc: PDFDocument, dest: PDFObject | undefined): number {
  const resolved = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  if (resolved instanceof PDFArray) return pageIndexOf(doc, resolved.get(0));
  if (resolved instanceof PDFName || resolved instanceof PDFString || resolved instanceof PDFHexString) {
    const name = resolved.decodeText();
    const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
    return destPage(doc, dests?.get(PDFName.of(name)));
  }
  return -1;
}

export function readOutline(doc: PDFDocument): ReadBookmark[] {
  const walk = (first: PDFObject | undefined): ReadBookmark[] => {
    const items: ReadBookmark[] = [];
    let ref = first;
    const seen = new Set<PDFObject>();
    while (ref && !seen.has(ref)) {
      seen.add(ref);
      const dict = doc.context.lookup(ref);
      if (!(dict instanceof PDFDict)) break;
      let dest = dict.get(PDFName.of('Dest'));
      const action = dict.lookupMaybe(PDFName.of('A'), PDFDict);
      if (!dest && action) dest = action.get(PDFName.of('D'));
      items.push({
        title: text(dict.lookup(PDFName.of('Title'))),
        page: destPage(doc, dest),
        children: walk(dict.get(PDFName.of('First'))),
      });
      ref = dict.get(PDFName.of('Next'));
    }
    return items;
  };
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return outlines ? walk(outlines.get(PDFName.of('First'))) : [];
}

export interface ReadLink {
  /** 0-based page holding the link. */
  page: number;
  /** Target page of an internal link, or -1. */
  target: number;
  /** URI of an external link. */
  uri?: string;
}

export function readLinks(doc: PDFDocument): ReadLink[] {
  const links: ReadLink[] = [];
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (const item of annots?.asArray() ?? []) {
      const annot = doc.context.lookup(item);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookup(PDFName.of('URI'));
      links.push({
        page: index,
        target: destPage(doc, annot.get(PDFName.of('Dest')) ?? action?.get(PDFName.of('D'))),
        ...(uri ? { uri: text(uri) } : {}),
      });
    }
  });
  return links;
}

export interface ReadInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  lang?: string;
  pageMode?: string;
}

export function readInfo(doc: PDFDocument): ReadInfo {
  const lang = doc.catalog.lookup(PDFName.of('Lang'));
  const mode = doc.catalog.get(PDFName.of('PageMode'));
  return {
    title: doc.getTitle(),
    author: doc.getAuthor(),
    subject: doc.getSubject(),
    keywords: doc.getKeywords(),
    creator: doc.getCreator(),
    producer: doc.getProducer(),
    lang: text(lang) || undefined,
    pageMode: mode instanceof PDFName ? mode.decodeText() : undefined,
  };
}
