// Writes the slides read from the page (slideDom.ts) as a PowerPoint file with
// pptxgenjs: a text box per block at its measured place and size (explicit
// font sizes, no autofit), shapes for fills and rules, native tables, pictures
// (SVG + PNG), speaker notes, one section per part, document properties. What
// pptxgenjs cannot say is fixed afterwards in the package (fixPackage.ts).
import PptxGenJS from 'pptxgenjs';
import type { Deck } from '../../deck/model.ts';
import type { Cell, Paragraph, PictureItem, Run, ShapeItem, SlideData, TableItem, TextItem } from './slideData.ts';
import { fixPackage, type PackageFixes, type ParagraphFix, type PictureFix } from './fixPackage.ts';

/**
 * The typeface every run names, in the latin and the East Asian slot. The
 * receiver's PC has no Noto Sans SC and the font is not embedded (see README):
 * Microsoft YaHei is the Chinese sans on every Windows and in WPS, and Office
 * for Mac brings it; elsewhere the run's zh-CN language picks a Chinese sans.
 */
export const TYPEFACE = 'Microsoft YaHei';
export const LANG = 'zh-CN';

/** CSS px → inches (96 px per inch) and → points. */
const inch = (v: number): number => Math.round((v / 96) * 10000) / 10000;
const pt = (v: number): number => Math.round(v * 0.75 * 100) / 100;

export interface PptxInput {
  deck: Deck;
  /** Slide index in deck.slides of each of `slides`. */
  indices: number[];
  slides: SlideData[];
}

/** pptxgenjs's package and what is left to fix in it, pictures aside. */
export interface BuiltPptx {
  bytes: Uint8Array;
  fixes: PackageFixes;
}

/** A 1×1 transparent PNG: the place of a bitmap picture until fixPackage puts its screenshot there. */
const PLACEHOLDER_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function transparency(alpha: number): number | undefined {
  return alpha < 1 ? Math.round((1 - alpha) * 100) : undefined;
}

function runProps(run: Run, paragraph: Paragraph, first: boolean, lastOfParagraph: boolean): PptxGenJS.TextProps {
  const options: PptxGenJS.TextPropsOptions = {
    fontFace: TYPEFACE,
    lang: LANG,
    fontSize: pt(run.size),
    bold: run.bold,
    italic: run.italic,
    color: run.colour.hex,
    align: paragraph.align,
    lineSpacing: pt(paragraph.lineHeight),
    breakLine: lastOfParagraph,
  };
  if (run.underline) options.underline = { style: 'sng' };
  if (run.link) options.hyperlink = { url: run.link };
  if (run.breakBefore && !first) options.softBreakBefore = true;
  if (first) {
    if (paragraph.spaceBefore > 0) options.paraSpaceBefore = pt(paragraph.spaceBefore);
    if (paragraph.bullet) {
      options.bullet = paragraph.bullet.kind === 'number' ? { type: 'number', numberStartAt: paragraph.bullet.start } : { characterCode: paragraph.bullet.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') };
      if (paragraph.level > 0) options.indentLevel = paragraph.level;
    } else {
      options.bullet = false;
    }
  }
  return { text: run.text, options };
}

function paragraphsProps(paragraphs: Paragraph[], fixes: (ParagraphFix | null)[]): PptxGenJS.TextProps[] {
  const out: PptxGenJS.TextProps[] = [];
  paragraphs.forEach((p, pi) => {
    const runs = p.runs.length > 0 ? p.runs : [{ text: '', size: 16, bold: false, italic: false, underline: false, colour: { hex: '000000', alpha: 1 } }];
    runs.forEach((run, i) => out.push(runProps(run, p, i === 0, i === runs.length - 1 && pi < paragraphs.length - 1)));
    // pptxgenjs indents by its own steps and writes bullets without colour: fixPackage sets both.
    fixes.push(
      p.bullet || p.indent > 0
        ? { marginLeft: p.indent, bulletAt: p.bulletAt, bulletColour: p.bullet?.colour.hex, bulletSize: p.bullet?.kind === 'char' ? p.bullet.size : 100 }
        : null,
    );
  });
  return out;
}

function addText(slide: PptxGenJS.Slide, item: TextItem, fixes: (ParagraphFix | null)[], n: number): void {
  const { box } = item;
  // A hair of room on the right: another renderer's rounding must not push a full line's last character down.
  const centered = item.paragraphs.every((p) => p.align === 'center');
  const slack = Math.min(6, box.w * 0.02);
  // A block the browser set on one line stays on one line (a motto box, a footer):
  // another renderer's slightly wider glyphs must not wrap its last word alone.
  const [first] = item.paragraphs;
  const oneLine = item.paragraphs.length === 1 && !first.runs.some((r) => r.breakBefore) && box.h < first.lineHeight * 1.5;
  slide.addText(paragraphsProps(item.paragraphs, fixes), {
    x: inch(centered ? box.x - slack / 2 : box.x),
    y: inch(box.y),
    w: inch(box.w + slack),
    h: inch(box.h),
    margin: 0,
    valign: 'top',
    fit: 'none',
    wrap: !oneLine,
    objectName: `${item.tag} ${n}`,
  });
}

function addShape(pptx: PptxGenJS, slide: PptxGenJS.Slide, item: ShapeItem, n: number): void {
  const { box } = item;
  const options: PptxGenJS.ShapeProps = {
    x: inch(box.x),
    y: inch(box.y),
    w: inch(box.w),
    h: inch(box.h),
    objectName: `${item.tag} ${n}`,
    fill: item.fill ? { color: item.fill.hex, transparency: transparency(item.fill.alpha) } : { type: 'none' },
    line: item.line ? { color: item.line.colour.hex, width: pt(item.line.width), transparency: transparency(item.line.colour.alpha) } : { type: 'none' },
  };
  if (item.radius > 0.5) {
    options.rectRadius = Math.min(0.5, item.radius / Math.max(1, Math.min(box.w, box.h)));
    slide.addShape(pptx.ShapeType.roundRect, options);
  } else {
    slide.addShape(pptx.ShapeType.rect, options);
  }
}

function cellProps(cell: Cell, fixes: (ParagraphFix | null)[]): PptxGenJS.TableCell {
  const pts = cell.padding.map(pt);
  // pptxgenjs reads cell margins as points when the first is ≥ 1, else as inches.
  const margin = pts[0] >= 1 ? pts : pts.map((v) => Math.round((v / 72) * 10000) / 10000);
  const border = cell.borders.map((b): PptxGenJS.BorderProps => (b ? { type: 'solid', pt: pt(b.width), color: b.colour.hex } : { type: 'none' }));
  return {
    text: paragraphsProps(cell.paragraphs, fixes),
    options: {
      fill: cell.fill ? { color: cell.fill.hex, transparency: transparency(cell.fill.alpha) } : undefined,
      border: [border[0], border[1], border[2], border[3]],
      margin: [margin[0], margin[1], margin[2], margin[3]],
      valign: cell.valign,
      colspan: cell.colspan > 1 ? cell.colspan : undefined,
      rowspan: cell.rowspan > 1 ? cell.rowspan : undefined,
    },
  };
}

function addTable(slide: PptxGenJS.Slide, item: TableItem, fixes: (ParagraphFix | null)[], n: number): void {
  const rows = item.rows.map((row) => row.cells.map((cell) => cellProps(cell, fixes)));
  slide.addTable(rows, {
    x: inch(item.box.x),
    y: inch(item.box.y),
    w: inch(item.box.w),
    colW: item.columns.map(inch),
    rowH: item.rows.map((r) => inch(r.height)),
    autoPage: false,
    objectName: `table ${n}`,
  });
}

/** Adds a picture: SVG or a placeholder; fixPackage puts its PNG (the SVG's fallback) in. */
function addPicture(slide: PptxGenJS.Slide, item: PictureItem, picture: number, slideNumber: number, n: number): PictureFix {
  const { box } = item;
  const name = `picture ${n}`;
  const data = item.svg ? `data:image/svg+xml;base64,${Buffer.from(item.svg).toString('base64')}` : PLACEHOLDER_PNG;
  slide.addImage({ data, x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h), altText: item.alt, objectName: name });
  return { slide: slideNumber, name, picture };
}

/** pptxgenjs's package of the slides; needs no pictures yet (built while they are taken). */
export async function buildPptx(input: PptxInput): Promise<BuiltPptx> {
  const { deck } = input;
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'IUR_16x9', width: 1280 / 96, height: 720 / 96 });
  pptx.layout = 'IUR_16x9';
  pptx.title = deck.meta.title;
  if (deck.meta.author) pptx.author = deck.meta.author;
  if (deck.meta.organisation) pptx.company = deck.meta.organisation;
  const subject = deck.meta.subject ?? deck.meta.subtitle;
  if (subject) pptx.subject = subject;
  pptx.theme = { headFontFace: TYPEFACE, bodyFontFace: TYPEFACE };

  const fixes: PackageFixes = { slides: [], pictures: [], keywords: deck.meta.keywords ?? [], lang: LANG, typeface: TYPEFACE };
  const sections = new Set<string>();
  let picture = 0;
  input.slides.forEach((data, i) => {
    const index = input.indices[i];
    const part = deck.parts[deck.slides[index].part];
    const title = part?.title || `${index + 1}`;
    if (!sections.has(title)) {
      sections.add(title);
      pptx.addSection({ title });
    }
    const slide = pptx.addSlide({ sectionTitle: title });
    slide.background = { color: data.background.hex };
    const paragraphFixes: (ParagraphFix | null)[] = [];
    data.items.forEach((item, n) => {
      if (item.kind === 'text') addText(slide, item, paragraphFixes, n);
      else if (item.kind === 'table') addTable(slide, item, paragraphFixes, n);
      else if (item.kind === 'picture') {
        fixes.pictures.push(addPicture(slide, item, picture++, i + 1, n));
      } else if (item.fill?.hex !== data.background.hex || item.line) addShape(pptx, slide, item, n);
    });
    if (data.notes) slide.addNotes(data.notes);
    fixes.slides.push({ paragraphs: paragraphFixes });
  });

  const bytes = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
  return { bytes, fixes };
}

/** The .pptx file's bytes: the package fixed, with the PNG of each picture (in order of appearance). */
export function finishPptx(built: BuiltPptx, pictures: Uint8Array[]): Promise<Uint8Array> {
  return fixPackage(built.bytes, built.fixes, pictures);
}
