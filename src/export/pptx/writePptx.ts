// Writes the slides read from the page (src/client/slideData/) as a PowerPoint
// file with pptxgenjs: each slide on a layout of the master (title, title and
// content, section header, title only), its heading in the title placeholder,
// footer and slide number as placeholders; the body blocks of a column stacked
// in one wrapping text body (stack.ts); shapes for fills and rules, native
// tables, pictures (SVG + PNG) with descriptions, links, speaker notes, one
// section per part, document properties; the fragment steps as click
// animations (stepTargets.ts), a stepped code block as a box per step
// (codeSteps.ts), each step named in the notes. What pptxgenjs
// cannot say is fixed afterwards in the package (fixPackage.ts, masterXml.ts,
// animations.ts).
import PptxGenJS from 'pptxgenjs';
import type { Deck } from '../../deck/model.ts';
import type {
  Box,
  Cell,
  Colour,
  Item,
  Paragraph,
  PictureItem,
  Run,
  ShapeItem,
  SlideData,
  TableItem,
  TextItem,
} from '../../shared/slideData.ts';
import { fixPackage, type PackageFixes, type ParagraphFix, type PictureFix } from './fixPackage.ts';
import { LAYOUTS, type LayoutName, type MasterBoxes } from './masterXml.ts';
import { roomOf, stackColumns } from './stack.ts';
import { addStrokes } from './penShapes.ts';
import { slideIds } from '../../rehearsal/slideIds.ts';
import type { formulaOmml } from './omml.ts';
import { placeholder, type FormulaFix } from './equations.ts';
import type { Problem } from '../../shared/problem.ts';
import { stepTargets, type NamedItem } from './stepTargets.ts';
import { codeStepBoxes } from './codeSteps.ts';
import { fitText, normAutofit } from './textFit.ts';
import { roomForNumbers } from './numberRoom.ts';
import type { SlideAnimation, StepFix } from './animations.ts';

/**
 * The typeface every run names, in the latin and the East Asian slot. The
 * receiver's PC has no Noto Sans SC and the font is not embedded (see README):
 * Microsoft YaHei is the Chinese sans on every Windows and in WPS, and Office
 * for Mac brings it; elsewhere the run's zh-CN language picks a Chinese sans.
 */
export const TYPEFACE = 'Microsoft YaHei';
/** The typeface of code: Consolas, on every Windows with Office; Chinese in code takes the East Asian slot's YaHei. */
export const MONO_TYPEFACE = 'Consolas';
export const LANG = 'zh-CN';

/** CSS px → inches (96 px per inch) and → points. */
const inch = (v: number): number => Math.round((v / 96) * 10000) / 10000;
const pt = (v: number): number => Math.round(v * 0.75 * 100) / 100;

export interface PptxInput {
  deck: Deck;
  /** Slide index in deck.slides of each of `slides`. */
  indices: number[];
  slides: SlideData[];
  /** export --annotations: the pen's strokes as freeform shapes (penShapes.ts). */
  annotations?: boolean;
  /** export --rehearsed-timings: each slide's rehearsed time (deck.slides[i].timing) as its advance time. */
  rehearsedTimings?: boolean;
}

/** pptxgenjs's package and what is left to fix in it, pictures aside. */
export interface BuiltPptx {
  bytes: Uint8Array;
  fixes: PackageFixes;
  /** What the file could not keep editable (a formula PowerPoint has no equation for), at its line. */
  problems: Problem[];
}

/** A 1×1 transparent PNG: the place of a bitmap picture until fixPackage puts its screenshot there. */
const PLACEHOLDER_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function transparency(alpha: number): number | undefined {
  return alpha < 1 ? Math.round((1 - alpha) * 100) : undefined;
}

/** Where a link goes: a web or mail address as it is, `#/h/v` to that slide of the file (dropped when it is not in it). */
export type SlideOfLink = (hash: string) => number | undefined;

/**
 * A paragraph's line spacing: exact, as the page sets it; one with a formula
 * as a multiple of single spacing instead (an equation is taller than a line
 * of text, and exact spacing would cut it), none for a formula alone.
 */
function lineSpacing(paragraph: Paragraph): Pick<PptxGenJS.TextPropsOptions, 'lineSpacing' | 'lineSpacingMultiple'> {
  const math = paragraph.runs.filter((r) => r.math);
  if (math.length === 0) return { lineSpacing: pt(paragraph.lineHeight) };
  if (math.length === paragraph.runs.length) return {};
  const size = Math.max(...paragraph.runs.map((r) => r.size));
  return { lineSpacingMultiple: Math.round((paragraph.lineHeight / (size * 1.2)) * 100) / 100 };
}

function runProps(run: Run, paragraph: Paragraph, first: boolean, lastOfParagraph: boolean, slideOf: SlideOfLink): PptxGenJS.TextProps {
  const options: PptxGenJS.TextPropsOptions = {
    fontFace: run.mono ? MONO_TYPEFACE : TYPEFACE,
    lang: LANG,
    fontSize: pt(run.size),
    bold: run.bold,
    italic: run.italic,
    color: run.colour.hex,
    align: paragraph.align,
    ...lineSpacing(paragraph),
    breakLine: lastOfParagraph,
  };
  if (run.underline) options.underline = { style: 'sng' };
  if (run.link?.startsWith('#/')) {
    const slide = slideOf(run.link);
    if (slide !== undefined) options.hyperlink = { slide };
  } else if (run.link) options.hyperlink = { url: run.link };
  if (run.breakBefore && !first) options.softBreakBefore = true;
  if (first) {
    if (paragraph.spaceBefore > 0) options.paraSpaceBefore = pt(paragraph.spaceBefore);
    if (paragraph.bullet) {
      options.bullet =
        paragraph.bullet.kind === 'number'
          ? { type: 'number', numberStartAt: paragraph.bullet.explicitStart ? paragraph.bullet.start : undefined }
          : { characterCode: paragraph.bullet.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') };
      if (paragraph.level > 0) options.indentLevel = paragraph.level;
    } else {
      options.bullet = false;
    }
  }
  return { text: run.text, options };
}

/**
 * An auto-number takes its weight from the paragraph's first run (DrawingML's
 * bullet properties have a font, size and colour, but no weight): where the
 * deck's number and the item's text differ in weight, the paragraph starts
 * with a zero-width space in the number's weight.
 */
export function numberWeightRun(p: Paragraph): Run[] {
  const [first] = p.runs;
  if (p.bullet?.kind !== 'number' || !first || first.bold === p.bullet.bold) return p.runs;
  return [{ ...first, text: NUMBER_WEIGHT, bold: p.bullet.bold, link: undefined, breakBefore: undefined }, ...p.runs];
}

/** The zero-width space that carries a number's weight (numberWeightRun). */
export const NUMBER_WEIGHT = '\u200B';

function paragraphsProps(paragraphs: Paragraph[], fixes: (ParagraphFix | null)[], slideOf: SlideOfLink): PptxGenJS.TextProps[] {
  const out: PptxGenJS.TextProps[] = [];
  paragraphs.forEach((p, pi) => {
    const runs =
      p.runs.length > 0
        ? numberWeightRun(p)
        : [{ text: '', size: 16, bold: false, italic: false, underline: false, colour: { hex: '000000', alpha: 1 } }];
    runs.forEach((run, i) => out.push(runProps(run, p, i === 0, i === runs.length - 1 && pi < paragraphs.length - 1, slideOf)));
    // pptxgenjs indents by its own steps and writes bullets without colour: fixPackage sets both.
    fixes.push(
      p.bullet || p.indent > 0
        ? {
            hanging: p.hanging,
            marginLeft: p.indent,
            bulletAt: p.bulletAt,
            bulletColour: p.bullet?.colour.hex,
            bulletSize: p.bullet?.kind === 'char' ? p.bullet.size : 100,
            startAt: p.bullet?.kind === 'number' && p.bullet.explicitStart ? p.bullet.start : undefined,
            numbered: p.bullet?.kind === 'number',
          }
        : null,
    );
  });
  return out;
}

/** Shape names that fixPackage turns into placeholders of the layout. */
export const PLACEHOLDER_NAMES = { title: 'ph-title', footer: 'ph-ftr', number: 'ph-sldNum' } as const;

interface Written {
  fixes: (ParagraphFix | null)[];
  slideOf: SlideOfLink;
  /** Each body's and title's normAutofit, by shape name (textFit.ts). */
  fits: Record<string, string>;
}

/**
 * A text box that wraps, in the room it has (`room`: for body text down to
 * what is below it). Autofit: normAutofit everywhere (shrink text on
 * overflow), never spAutoFit: a box that grew would run over the next block or
 * the footer, whereas the room below is already the box's; a title shrinks
 * rather than run into the rule under it, a card's text stays in its card.
 */
function addText(slide: PptxGenJS.Slide, item: TextItem, room: Box, written: Written, name: string, fill?: Colour): void {
  // A hair of room on the right: another renderer's rounding must not push a full line's last character down.
  const centered = item.paragraphs.every((p) => p.align === 'center');
  const slack = Math.min(6, room.w * 0.02);
  // Body and title: shrunk as far as the widest font a receiver may have needs (the footer and number have room to spare).
  if (item.role === undefined || item.role === 'title') written.fits[name] = normAutofit(fitText(item.paragraphs, room.w + slack, room.h));
  slide.addText(paragraphsProps(item.paragraphs, written.fixes, written.slideOf), {
    x: inch(centered ? room.x - slack / 2 : room.x),
    y: inch(room.y),
    w: inch(room.w + slack),
    h: inch(room.h),
    margin: 0,
    valign: 'top',
    fit: 'shrink',
    wrap: true,
    objectName: name,
    ...(fill ? { fill: { color: fill.hex, transparency: transparency(fill.alpha) } } : {}),
  });
}

function addShape(pptx: PptxGenJS, slide: PptxGenJS.Slide, item: ShapeItem, name: string): void {
  const { box } = item;
  const options: PptxGenJS.ShapeProps = {
    x: inch(box.x),
    y: inch(box.y),
    w: inch(box.w),
    h: inch(box.h),
    objectName: name,
    fill: item.fill ? { color: item.fill.hex, transparency: transparency(item.fill.alpha) } : { type: 'none' },
    line: item.line
      ? { color: item.line.colour.hex, width: pt(item.line.width), transparency: transparency(item.line.colour.alpha) }
      : { type: 'none' },
  };
  if (item.radius > 0.5) {
    options.rectRadius = Math.min(0.5, item.radius / Math.max(1, Math.min(box.w, box.h)));
    slide.addShape(pptx.ShapeType.roundRect, options);
  } else {
    slide.addShape(pptx.ShapeType.rect, options);
  }
}

function cellProps(cell: Cell, written: Written): PptxGenJS.TableCell {
  const pts = cell.padding.map(pt);
  // pptxgenjs reads cell margins as points when the first is ≥ 1, else as inches.
  const margin = pts[0] >= 1 ? pts : pts.map((v) => Math.round((v / 72) * 10000) / 10000);
  const border = cell.borders.map((b): PptxGenJS.BorderProps =>
    b ? { type: 'solid', pt: pt(b.width), color: b.colour.hex } : { type: 'none' },
  );
  return {
    text: paragraphsProps(cell.paragraphs, written.fixes, written.slideOf),
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

function addTable(slide: PptxGenJS.Slide, item: TableItem, written: Written, name: string): void {
  const rows = item.rows.map((row) => row.cells.map((cell) => cellProps(cell, written)));
  slide.addTable(rows, {
    x: inch(item.box.x),
    y: inch(item.box.y),
    w: inch(item.box.w),
    colW: item.columns.map(inch),
    rowH: item.rows.map((r) => inch(r.height)),
    autoPage: false,
    objectName: name,
  });
}

/** Adds a picture: SVG or a placeholder; fixPackage puts its PNG (the SVG's fallback) in. */
function addPicture(slide: PptxGenJS.Slide, item: PictureItem, picture: number, slideNumber: number, name: string): PictureFix {
  const { box } = item;
  const data = item.svg ? `data:image/svg+xml;base64,${Buffer.from(item.svg).toString('base64')}` : PLACEHOLDER_PNG;
  slide.addImage({ data, x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h), altText: item.alt, objectName: name });
  return { slide: slideNumber, name, picture };
}

/** The footer's pieces (short title, part marker) as one paragraph: one footer placeholder that flows when a piece grows. */
function footerItem(items: TextItem[], number: TextItem | undefined, rule: Colour | undefined): TextItem | undefined {
  const [first, ...others] = items.sort((a, b) => a.box.x - b.box.x);
  if (!first) return undefined;
  const runs = [...first.paragraphs.flatMap((p) => p.runs)];
  for (const other of others) {
    const [run] = other.paragraphs[0]?.runs ?? [];
    // The thin rule the deck draws between the pieces, as a character in its colour.
    if (run) runs.push({ ...run, text: '  |  ', bold: false, link: undefined, colour: rule ?? run.colour });
    runs.push(...other.paragraphs.flatMap((p) => p.runs));
  }
  // Up to the slide number's box (numberItem: 80 px wide at the number's right edge).
  const end = number ? number.box.x + number.box.w - 80 - 16 : Math.max(...items.map((i) => i.box.x + i.box.w)) + 200;
  // Room below the line (to the slide's edge): no renderer's rounding makes the line overflow and shrink.
  const lead = singleLead(first);
  const box = {
    ...first.box,
    y: first.box.y + lead,
    w: Math.max(first.box.w, end - first.box.x),
    h: Math.max(first.box.h, Math.min(first.box.h * 1.6, 720 - first.box.y)) - lead,
  };
  return { ...first, role: 'footer', box, paragraphs: [{ ...first.paragraphs[0], runs }] };
}

/**
 * The footer and the slide number are written with single line spacing
 * (fixPackage: LibreOffice sets a slide-number field's line lower than a run's
 * under exact spacing): their boxes move down by the half-leading the page's
 * line height had above the text (single spacing is about 1.25 em).
 */
function singleLead(item: TextItem): number {
  const [p] = item.paragraphs;
  const size = Math.max(0, ...(p?.runs.map((r) => r.size) ?? [0]));
  return p ? Math.max(0, (p.lineHeight - size * 1.25) / 2) : 0;
}

/**
 * The slide number on the footer's line: the same top and line height as the
 * footer (so both sit on one baseline), right-aligned in a box wide enough for
 * any number (it is a field: moving slides changes it).
 */
function numberItem(number: TextItem, footer: TextItem | undefined): TextItem {
  const right = number.box.x + number.box.w;
  const line = footer
    ? { y: footer.box.y, h: footer.box.h, lineHeight: footer.paragraphs[0].lineHeight }
    : { y: number.box.y + singleLead(number), h: number.box.h, lineHeight: number.paragraphs[0].lineHeight };
  return {
    ...number,
    box: { x: right - 80, y: line.y, w: 80, h: Math.max(line.h, number.box.h, Math.min(line.h * 1.6, 720 - line.y)) },
    paragraphs: number.paragraphs.map((p) => ({ ...p, align: 'right', lineHeight: line.lineHeight })),
  };
}

/** A slide's items as written: body text stacked per column, the footer's pieces as one, what separated them dropped. */
export interface SlideItems {
  items: Item[];
  footer?: TextItem;
  number?: TextItem;
  title?: TextItem;
}

export function slideItems(data: SlideData): SlideItems {
  const texts = data.items.filter((i): i is TextItem => i.kind === 'text');
  const measuredNumber = texts.find((t) => t.role === 'number');
  const pieces = texts.filter((t) => t.role === 'footer' || t.role === 'marker');
  const band =
    pieces.length > 1
      ? {
          x: Math.min(...pieces.map((p) => p.box.x)),
          r: Math.max(...pieces.map((p) => p.box.x + p.box.w)),
          y: Math.min(...pieces.map((p) => p.box.y)),
        }
      : null;
  // The thin separator drawn between the footer's pieces: the footer paragraph writes its own.
  const separator = (i: Item): i is ShapeItem =>
    band !== null && i.kind === 'shape' && i.box.w <= 2 && i.box.x > band.x && i.box.x < band.r && i.box.y >= band.y - 4;
  const footer = footerItem(pieces, measuredNumber, data.items.find(separator)?.fill);
  const number = measuredNumber && numberItem(measuredNumber, footer);
  const items = stackColumns(
    data.items.filter((i) => !(i.kind === 'text' && (i.role === 'footer' || i.role === 'marker')) && !separator(i)),
  ).map((i) => (i === measuredNumber && number ? number : i));
  return { items, footer, number, title: texts.find((t) => t.role === 'title') };
}

function layoutOf(data: SlideData, items: Item[]): LayoutName {
  if (data.layout !== 'content') return data.layout;
  return items.some((i) => i.kind === 'text' && i.role === undefined) ? 'content' : 'titleOnly';
}

/** A picture's alt text as the page read it; a diagram's is the one description the parse wrote on its figure. */
function pictureAlt(item: PictureItem): string {
  return item.role === 'diagram' ? item.alt || '图' : item.alt;
}

/** The text boxes that hold a formula, in the order of the slides' data: their pictures follow the other pictures. */
export function formulaItems(slides: SlideData[]): TextItem[] {
  return slides.flatMap((s) => s.items.filter((i): i is TextItem => i.kind === 'text' && i.formula !== undefined));
}

interface SlideInput {
  deck: Deck;
  index: number;
  slideNumber: number;
  picture: number;
  /** The PNG (index into the pictures) of a formula's text box. */
  formulaPicture: (item: TextItem) => number;
  formulas: FormulaFix[];
  problems: Problem[];
  /** The converter (omml.ts), loaded only for a deck with formulas: it brings KaTeX and mathml2omml. */
  omml?: typeof formulaOmml;
}

/**
 * A text box with formulas: each formula a placeholder run that the package
 * fix makes an equation (equations.ts), and the box's picture as its fallback;
 * a formula PowerPoint has no equation for makes the whole box that picture,
 * and the export says so at its line.
 */
function addFormulaText(slide: PptxGenJS.Slide, item: TextItem, n: number, written: Written, input: SlideInput): PictureFix {
  const equations = new Map<number, string>();
  let failed: { line?: number; why: string } | undefined;
  const paragraphs = item.paragraphs.map((p) => ({
    ...p,
    runs: p.runs.map((run): Run => {
      if (!run.math) return run;
      const result = input.omml?.(run.math.tex, run.math.display, { size: run.size, colour: run.colour.hex }) ?? {
        error: 'internal: no equation converter loaded',
      };
      if ('error' in result) {
        failed ??= { line: run.math.line, why: result.error };
        return run;
      }
      equations.set(equations.size, result.omml);
      return { ...run, text: placeholder(equations.size - 1) };
    }),
  }));
  const { box } = item;
  const place = { x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h) };
  const picture = input.formulaPicture(item);
  if (failed) {
    const file = input.deck.slides[input.index].pos.file;
    input.problems.push({
      pos: { file, line: failed.line ?? input.deck.slides[input.index].pos.line },
      level: 'warning',
      message: `formula is a picture in the PowerPoint file, not an editable equation: ${failed.why}`,
    });
    const tex = item.paragraphs.flatMap((p) => p.runs.map((r) => r.text)).join('');
    slide.addImage({ data: PLACEHOLDER_PNG, ...place, altText: tex, objectName: `formula-picture ${n}` });
    return { slide: input.slideNumber, name: `formula-picture ${n}`, picture };
  }
  addText(slide, { ...item, paragraphs }, box, written, `formula ${n}`);
  slide.addImage({ data: PLACEHOLDER_PNG, ...place, objectName: `formula-fallback ${n}` });
  input.formulas.push({ slide: input.slideNumber, name: `formula ${n}`, fallback: `formula-fallback ${n}`, equations });
  return { slide: input.slideNumber, name: `formula-fallback ${n}`, picture };
}

/** The shape name an item is written under (unique on its slide: its place in the slide's items). */
function nameOf(item: Item, n: number): string {
  if (item.kind === 'text' && item.formula) return `formula ${n}`;
  if (item.kind === 'text' && item.code) return `code ${n}`;
  if (item.kind === 'text')
    return item.role === 'title' ? PLACEHOLDER_NAMES.title : item.role === 'number' ? PLACEHOLDER_NAMES.number : `${item.tag} ${n}`;
  if (item.kind === 'table') return `table ${n}`;
  if (item.kind === 'picture') return `picture ${n}`;
  return `${item.tag} ${n}`;
}

/** Writes one slide's items; returns its pictures for fixPackage and the items written, by name. */
function writeSlide(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  data: SlideData,
  prepared: SlideItems,
  written: Written,
  input: SlideInput,
): { pictures: PictureFix[]; named: NamedItem[] } {
  const { items, footer } = prepared;
  const pictures: PictureFix[] = [];
  const named: NamedItem[] = [];
  const page = { w: data.page.w, h: data.page.h };
  items.forEach((item, n) => {
    let name = nameOf(item, n);
    if (item.kind === 'text' && item.formula) {
      const fix = addFormulaText(slide, item, n, written, input);
      pictures.push(fix);
      // A formula PowerPoint cannot keep is a picture of that name: its steps target it.
      if (fix.name.startsWith('formula-picture')) name = fix.name;
    } else if (item.kind === 'text' && item.code) {
      // A block whose lines change with its steps: one opaque box per step, stacked (codeSteps.ts).
      const boxes = codeStepBoxes(item);
      if (boxes.length > 1) {
        for (const box of boxes) {
          const boxName = box.index === 0 ? name : `${name} step ${box.index}`;
          addText(slide, box.item, item.box, written, boxName, item.code.dim?.ground);
          named.push({ item: box.item, name: boxName, codeStep: { step: box.step, lines: box.lines } });
        }
        return;
      }
      addText(slide, item, item.box, written, name);
    } else if (item.kind === 'text') {
      const placed = roomForNumbers(item, item.role === undefined ? roomOf(item, items, page) : item.box);
      addText(slide, placed.item, placed.room, written, name);
    } else if (item.kind === 'table') addTable(slide, item, written, name);
    else if (item.kind === 'picture') {
      pictures.push(addPicture(slide, { ...item, alt: pictureAlt(item) }, input.picture + pictures.length, input.slideNumber, name));
    } else if (item.fill?.hex !== data.background.hex || item.line) addShape(pptx, slide, item, name);
    else return;
    named.push({ item, name });
  });
  if (footer) addText(slide, footer, footer.box, written, PLACEHOLDER_NAMES.footer);
  return { pictures, named };
}

/** Where the master's placeholders sit: the measured boxes of the first slide that has them. */
function masterBoxes(slides: SlideData[], prepared: SlideItems[]): MasterBoxes {
  const boxes: MasterBoxes = {};
  for (const [i, data] of slides.entries()) {
    const { footer, number, title, items } = prepared[i];
    const layout = layoutOf(data, items);
    if (layout === 'content') {
      boxes.title ??= title?.box;
      boxes.body ??= items.find((i): i is TextItem => i.kind === 'text' && i.role === undefined)?.box;
    }
    if (layout !== 'section') {
      boxes.footer ??= footer?.box;
      boxes.footerText ??= footer?.paragraphs[0]?.runs[0]?.text;
      boxes.number ??= number?.box;
      const run = number?.paragraphs[0]?.runs[0];
      if (number && run) boxes.numberStyle ??= { size: run.size, lineHeight: number.paragraphs[0].lineHeight, colour: run.colour.hex };
    }
  }
  return boxes;
}

/** The slide (1-based, in the file) a `#/h/v` link goes to. */
function linkTargets(deck: Deck, indices: number[]): SlideOfLink {
  return (hash) => {
    const [h, v = 0] = hash
      .slice(2)
      .split('/')
      .filter((s) => s !== '')
      .map(Number);
    const index = deck.slides.findIndex((s) => s.h === h && s.v === v);
    const at = indices.indexOf(index);
    return at >= 0 ? at + 1 : undefined;
  };
}

/**
 * A slide's animation and advance time: without a rehearsed time its steps
 * wait for clicks and the slide for a click; with one (seconds) the slide
 * advances after it, and its n steps come in by themselves, one every
 * 1/(n+1) of it (the rehearsal times slides, not steps).
 */
export function timed(steps: StepFix[], seconds: number | undefined): { animation: SlideAnimation; advance?: number } {
  if (seconds === undefined) return { animation: { steps } };
  const ms = Math.max(0, seconds * 1000);
  return { animation: { steps, wait: steps.length > 0 ? ms / (steps.length + 1) : undefined }, advance: ms };
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
  // One layout per kind of slide; their placeholders are written by fixPackage (masterXml.ts).
  for (const name of Object.keys(LAYOUTS) as LayoutName[]) pptx.defineSlideMaster({ title: name, objects: [] });

  const prepared = input.slides.map(slideItems);
  const fixes: PackageFixes = {
    slides: [],
    pictures: [],
    formulas: [],
    keywords: deck.meta.keywords ?? [],
    lang: LANG,
    typeface: TYPEFACE,
    monoTypeface: MONO_TYPEFACE,
    master: masterBoxes(input.slides, prepared),
  };
  const sections = new Set<string>();
  const slideOf = linkTargets(deck, input.indices);
  // Pictures first, then each formula box's picture (renderPptx.ts takes them in this order).
  const pictureCount = input.slides.reduce((n, s) => n + s.items.filter((i) => i.kind === 'picture').length, 0);
  const formulaIndex = new Map(formulaItems(input.slides).map((item, i) => [item, pictureCount + i]));
  const problems: Problem[] = [];
  const omml = formulaIndex.size > 0 ? (await import('./omml.ts')).formulaOmml : undefined;
  const ids = slideIds(deck.slides);
  input.slides.forEach((data, i) => {
    const index = input.indices[i];
    const part = deck.parts[deck.slides[index].part];
    const title = part?.title || `${index + 1}`;
    if (!sections.has(title)) {
      sections.add(title);
      pptx.addSection({ title });
    }
    const layout = layoutOf(data, prepared[i].items);
    const slide = pptx.addSlide({ sectionTitle: title, masterName: layout });
    slide.background = { color: data.background.hex };
    const written: Written = { fixes: [], slideOf, fits: {} };
    const { pictures, named } = writeSlide(pptx, slide, data, prepared[i], written, {
      deck,
      index,
      slideNumber: i + 1,
      picture: fixes.pictures.length,
      formulaPicture: (item) => formulaIndex.get(item) ?? -1,
      formulas: fixes.formulas,
      problems,
      omml,
    });
    fixes.pictures.push(...pictures);
    if (input.annotations) addStrokes(slide, deck.annotations?.slides[ids[index]] ?? []);
    const steps = stepTargets(named, data.steps);
    const notes = [data.notes, steps.notes.join('\n')].filter((n) => n !== '').join('\n\n');
    if (notes) slide.addNotes(notes);
    fixes.slides.push({
      paragraphs: written.fixes,
      layout,
      fits: written.fits,
      ...timed(steps.steps, input.rehearsedTimings ? deck.slides[index].timing : undefined),
    });
  });

  // Stored, not deflated: fixPackage reads it straight back and compresses the package once.
  const bytes = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return { bytes, fixes, problems };
}

/** The .pptx file's bytes: the package fixed, with the PNG of each picture (in order of appearance). */
export function finishPptx(built: BuiltPptx, pictures: Uint8Array[]): Promise<Uint8Array> {
  return fixPackage(built.bytes, built.fixes, pictures);
}
