// The handout's structure: each slide placed on an A4 page is the slide PDF's
// page as a form XObject, whose content keeps the slide's marked content
// (MCIDs). Here the slide's branch of the slide PDF's structure tree is copied
// into the handout's tree, into the Art element the frame printed for that
// slide's box (role="article"), its marked-content references pointing into
// the XObject (MCR with /Stm, PDF 1.7 § 14.7.4.3) and a ParentTree entry for
// the XObject (/StructParents). So a screen reader reads each slide's heading,
// lists, tables and figures where the slide sits on the sheet.
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRef,
  PDFStream,
  type PDFDocument,
  type PDFEmbeddedPage,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';

export interface PlacedSlide {
  /** The handout page it is drawn on. */
  page: PDFPage;
  /** The slide PDF's page index it shows. */
  slidePage: number;
  xobject: PDFEmbeddedPage;
}

const N = (name: string) => PDFName.of(name);

function kids(dict: PDFDict): PDFObject[] {
  const k = dict.get(N('K'));
  if (k === undefined) return [];
  return k instanceof PDFArray ? k.asArray() : [k];
}

function structRoot(doc: PDFDocument): PDFDict | undefined {
  const root = doc.catalog.lookup(N('StructTreeRoot'));
  return root instanceof PDFDict ? root : undefined;
}

/** The top-most structure elements on each page of `doc`, in reading order. */
function branchesByPage(doc: PDFDocument): Map<number, PDFRef[]> {
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const found = new Map<number, PDFRef[]>();
  const root = structRoot(doc);
  if (!root) return found;
  const walk = (ref: PDFObject, parentPage: string | undefined) => {
    if (!(ref instanceof PDFRef)) return;
    const elem = doc.context.lookup(ref);
    if (!(elem instanceof PDFDict)) return;
    const pg = elem.get(N('Pg'))?.toString();
    if (pg !== undefined && pg !== parentPage && pageIndex.has(pg)) {
      const i = pageIndex.get(pg) ?? 0;
      found.set(i, [...(found.get(i) ?? []), ref]);
      return;
    }
    for (const kid of kids(elem)) walk(kid, pg ?? parentPage);
  };
  for (const kid of kids(root)) walk(kid, undefined);
  return found;
}

/** A copy of an attribute value (names, numbers, strings, arrays and dicts of them). */
function copyValue(doc: PDFDocument, src: PDFDocument, value: PDFObject): PDFObject {
  const resolved = value instanceof PDFRef ? src.context.lookup(value) : value;
  if (resolved instanceof PDFArray) return doc.context.obj(resolved.asArray().map((v) => copyValue(doc, src, v)));
  if (resolved instanceof PDFDict) {
    const out = doc.context.obj({});
    for (const [k, v] of resolved.entries()) out.set(k, copyValue(doc, src, v));
    return out;
  }
  return resolved ?? PDFNull;
}

const KEPT = ['S', 'A', 'Alt', 'ActualText', 'Lang', 'E', 'T', 'ID', 'C'];

/** Copies one element and its subtree; MCIDs become references into the XObject. */
function copyElem(
  doc: PDFDocument,
  src: PDFDocument,
  ref: PDFRef,
  parent: PDFRef,
  place: { page: PDFRef; stm: PDFRef; byMcid: PDFRef[] },
): PDFRef | undefined {
  const elem = src.context.lookup(ref);
  if (!(elem instanceof PDFDict)) return undefined;
  const copy = doc.context.obj({ Type: 'StructElem' });
  for (const key of KEPT) {
    const v = elem.get(N(key));
    if (v !== undefined) copy.set(N(key), copyValue(doc, src, v));
  }
  copy.set(N('P'), parent);
  copy.set(N('Pg'), place.page);
  const copyRef = doc.context.register(copy);
  const out: PDFObject[] = [];
  for (const kid of kids(elem)) {
    const mcid = kid instanceof PDFNumber ? kid.asNumber() : undefined;
    const resolved = kid instanceof PDFRef ? src.context.lookup(kid) : kid;
    const mcr = resolved instanceof PDFDict && resolved.get(N('Type'))?.toString() === '/MCR' ? resolved.get(N('MCID')) : undefined;
    const id = mcid ?? (mcr instanceof PDFNumber ? mcr.asNumber() : undefined);
    if (id !== undefined) {
      out.push(doc.context.obj({ Type: 'MCR', Pg: place.page, Stm: place.stm, MCID: id }));
      place.byMcid[id] = copyRef;
    } else if (kid instanceof PDFRef && resolved instanceof PDFDict && resolved.get(N('S'))) {
      const child = copyElem(doc, src, kid, copyRef, place);
      if (child) out.push(child);
    }
    // OBJR (a link annotation): the handout does not carry the slide's annotations.
  }
  if (out.length) copy.set(N('K'), doc.context.obj(out));
  return copyRef;
}

/** The Art elements of the handout's tree, in reading order: one per slide box. */
function articles(doc: PDFDocument, root: PDFDict): PDFRef[] {
  const found: PDFRef[] = [];
  const walk = (ref: PDFObject) => {
    if (!(ref instanceof PDFRef)) return;
    const elem = doc.context.lookup(ref);
    if (!(elem instanceof PDFDict)) return;
    if (elem.get(N('S'))?.toString() === '/Art') found.push(ref);
    else for (const kid of kids(elem)) walk(kid);
  };
  for (const kid of kids(root)) walk(kid);
  return found;
}

/** Grafts each placed slide's structure into the handout's; returns how many slides got theirs. */
export async function graftSlideTags(doc: PDFDocument, slidePdf: PDFDocument, placed: readonly PlacedSlide[]): Promise<number> {
  const root = structRoot(doc);
  const branches = branchesByPage(slidePdf);
  if (!root || branches.size === 0) return 0;
  const boxes = articles(doc, root);
  const tree = root.lookup(N('ParentTree'));
  const nums = tree instanceof PDFDict ? tree.lookup(N('Nums')) : undefined;
  if (!(nums instanceof PDFArray) || boxes.length !== placed.length) return 0;
  const next = root.lookup(N('ParentTreeNextKey'));
  let key = next instanceof PDFNumber ? next.asNumber() : nums.size() / 2;
  let grafted = 0;
  for (const [i, slide] of placed.entries()) {
    const art = boxes[i];
    const artDict = doc.context.lookup(art, PDFDict);
    await slide.xobject.embed();
    const stream = doc.context.lookup(slide.xobject.ref);
    if (!(stream instanceof PDFStream)) continue;
    stream.dict.set(N('StructParents'), PDFNumber.of(key));
    const place = { page: slide.page.ref, stm: slide.xobject.ref, byMcid: [] as PDFRef[] };
    const copied = (branches.get(slide.slidePage) ?? [])
      .map((ref) => copyElem(doc, slidePdf, ref, art, place))
      .filter((r): r is PDFRef => r !== undefined);
    artDict.set(N('K'), doc.context.obj([...kids(artDict), ...copied]));
    nums.push(PDFNumber.of(key));
    nums.push(doc.context.obj(Array.from({ length: place.byMcid.length }, (_, m) => place.byMcid[m] ?? PDFNull)));
    key++;
    if (copied.length) grafted++;
  }
  root.set(N('ParentTreeNextKey'), PDFNumber.of(key));
  return grafted;
}
