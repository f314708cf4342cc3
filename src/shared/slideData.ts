// What the page hands Node for an editable PowerPoint: each slide of the
// print view as plain data (boxes in CSS px from the slide's top-left corner,
// computed fonts and colours, runs, bullets, table cells, pictures). Produced
// by the reader bundled into the page (src/client/slideData/, called as
// window.__iurDeck.readSlides), written by writePptx.ts.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A colour as RRGGBB (no #) and its opacity 0–1. */
export interface Colour {
  hex: string;
  alpha: number;
}

export interface Run {
  text: string;
  /** Font size in CSS px. */
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  colour: Colour;
  /** A line break (<br>) before this run's text. */
  breakBefore?: boolean;
  /** An http(s) or mailto link, or a jump within the deck (`#/h` or `#/h/v`). */
  link?: string;
  /** Set in the code font (a code block's run). */
  mono?: boolean;
  /** A formula: written as an editable equation (its TeX is `text`, the fallback); display: its own centred paragraph. */
  math?: { tex: string; display: boolean; line?: number; fragment?: number };
}

export interface Bullet {
  kind: 'char' | 'number';
  /** The character for kind 'char' (■, □, •). */
  char: string;
  /** First number for kind 'number'. */
  start: number;
  /** The Markdown gave the list its own start (`3.`): written as startAt; otherwise items number themselves. */
  explicitStart?: boolean;
  /** Bold numbers (the deck's ::marker). */
  bold: boolean;
  colour: Colour;
  /** Size of a character bullet, % of the text's (the deck draws small squares). */
  size: number;
}

export interface Paragraph {
  runs: Run[];
  align: 'left' | 'center' | 'right' | 'justify';
  /** Line height in CSS px. */
  lineHeight: number;
  /** Space above the paragraph (after the previous one), CSS px. */
  spaceBefore: number;
  /** Text start, from the box's left edge, CSS px (lists). */
  indent: number;
  /** Bullet start, from the box's left edge, CSS px (lists). */
  bulletAt: number;
  bullet?: Bullet;
  /** Nesting depth of a list item (0: top level). */
  level: number;
  /** Lines after the first start at `indent` and the first at 0 (a wrapped line of code under its line number). */
  hanging?: boolean;
  /** The fragment step (0-based) at which the paragraph appears; none: shown from the start. */
  step?: number;
}

export interface TextItem {
  kind: 'text';
  box: Box;
  paragraphs: Paragraph[];
  /** What the block is, for the shape's name: h2, p, ul, footer… */
  tag: string;
  /** The column the block sits in (its parent's content box), for the width of its text box. */
  column?: Box;
  /** What the box is for: written as a placeholder (title, footer, slide number) instead of a text box. */
  role?: 'title' | 'footer' | 'marker' | 'number';
  /** A code block: its language and the steps through its lines; kept in a box of its own. */
  code?: CodeInfo;
  /** Holds a formula: kept in a box of its own, with its place on the print view (its picture when PowerPoint cannot edit it). */
  formula?: { clip: Box };
  /** The reveal.js fragment step the block appears at (data-fragment-index), if it is a fragment or inside one. */
  fragment?: number;
}

/**
 * A code block's steps ({1|2-3|all}): the lines lit at each, 1-based; step 0
 * shows at once, each next one at its fragment (`step`: that fragment's place
 * in the slide's steps). A block with marked lines has its runs in their lit
 * colours and says how the others show: at `dim` opacity over `ground`.
 */
export interface CodeInfo {
  lang: string;
  steps: { fragment?: number; step?: number; lines: number[] }[];
  dim?: { opacity: number; ground: Colour };
}

export interface Border {
  colour: Colour;
  width: number;
}

export interface ShapeItem {
  kind: 'shape';
  box: Box;
  fill?: Colour;
  /** An outline drawn all round (all four sides alike). */
  line?: Border;
  radius: number;
  tag: string;
  /** The fragment step at which it appears (a card's box, say); none: shown from the start. */
  step?: number;
}

export interface PictureItem {
  kind: 'picture';
  box: Box;
  /** The picture's place on the whole print view, for the PNG screenshot (CSS px). */
  clip: Box;
  /** Standalone SVG markup (labels as <text>), or '' for a bitmap (written as its screenshot). */
  svg: string;
  alt: string;
  /** A diagram (described from its source in Node), an icon (by its card's heading), an image. */
  role: 'diagram' | 'icon' | 'image';
  /** A diagram's source line (its figure's data-line). */
  line?: number;
  /** The fragment step at which it appears; none: shown from the start. */
  step?: number;
}

export interface Cell {
  paragraphs: Paragraph[];
  fill?: Colour;
  /** top, right, bottom, left; null: none. */
  borders: (Border | null)[];
  /** Padding top, right, bottom, left (CSS px). */
  padding: number[];
  valign: 'top' | 'middle' | 'bottom';
  colspan: number;
  rowspan: number;
}

export interface TableItem {
  kind: 'table';
  box: Box;
  /** Column widths (CSS px). */
  columns: number[];
  rows: { height: number; cells: Cell[] }[];
  /** The fragment step at which it appears; none: shown from the start. */
  step?: number;
}

export type Item = TextItem | ShapeItem | PictureItem | TableItem;

/**
 * One fragment step of a slide, in reveal.js's order (data-fragment-index,
 * then document order): how its elements come in — fading in as the deck's
 * fragments do (their opacity transition, in ms), or at once.
 */
export interface FragmentStep {
  effect: 'fade' | 'appear';
  /** The fade's length, ms (reveal.js: 200). */
  duration: number;
}

export interface SlideData {
  /** `file:line` of the slide's <section>. */
  key: string;
  /** The slide's layout in PowerPoint's terms ('titleOnly' is decided when writing). */
  layout: 'title' | 'section' | 'content';
  background: Colour;
  items: Item[];
  /** Speaker notes as plain text, paragraphs separated by blank lines. */
  notes: string;
  /** The slide's place on the whole print view (for page screenshots). */
  page: Box;
  /** Its fragment steps in order; an item's or paragraph's `step` indexes them. Empty: no steps. */
  steps: FragmentStep[];
}

/** What the PowerPoint export asks the reader for (window.__iurDeck.readSlides). */
export interface ReadOptions {
  /** `file:line` of the slides to read; null: all. */
  keep: string[] | null;
  /** Font families to name in the SVG text of pictures, first choice first. */
  svgFonts: string;
}

/** A standalone SVG picture to draw as PNG (window.__iurDeck.rasterise), and the size it is drawn at. */
export interface RasterJob {
  svg: string;
  /** Size drawn on the slide, CSS px. */
  w: number;
  h: number;
}
