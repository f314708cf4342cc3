// Test helper: the decompressed drawing operators of a PDF page, its form
// XObjects included (Chromium puts translucent drawing into groups), read
// with pdf-lib; and the count of path-construction operators in them.
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, decodePDFRawStream, type PDFDocument } from 'pdf-lib';

function streamText(doc: PDFDocument, ref: unknown): string {
  const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(stream instanceof PDFRawStream)) return '';
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

function xobjectsText(doc: PDFDocument, resources: unknown, seen: Set<string>): string {
  const res = resources instanceof PDFRef ? doc.context.lookup(resources) : resources;
  if (!(res instanceof PDFDict)) return '';
  const xobjects = res.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return '';
  let text = '';
  for (const [, ref] of xobjects.entries()) {
    if (!(ref instanceof PDFRef) || seen.has(ref.toString())) continue;
    seen.add(ref.toString());
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Subtype'))?.toString() !== '/Form') continue;
    text += `\n${streamText(doc, stream)}${xobjectsText(doc, stream.dict.get(PDFName.of('Resources')), seen)}`;
  }
  return text;
}

/** Page `index`'s content, decompressed, with that of the form XObjects it draws. */
export function pageContent(doc: PDFDocument, index: number): string {
  const node = doc.getPage(index).node;
  const contents = node.get(PDFName.of('Contents'));
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const parts = resolved instanceof PDFArray ? resolved.asArray() : [contents];
  return parts.map((p) => streamText(doc, p)).join('\n') + xobjectsText(doc, node.get(PDFName.of('Resources')), new Set());
}

/** Path-construction operators: m (moveto) starts each subpath. */
export function movetoCount(content: string): number {
  return content.match(/(^|\s)-?[\d.]+\s+-?[\d.]+\s+m(?=\s)/g)?.length ?? 0;
}
