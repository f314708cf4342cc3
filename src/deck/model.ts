// The Deck model: what parsing `slides/*.md` produces and every later step
// (Vite plugin, export, check) reads; the page sees it as HTML and client data. Plain data, no methods.
import type { Annotations } from '../shared/annotations.ts';
import { formatProblem, type Problem, type SourcePos } from '../shared/problem.ts';

/** Front matter of the first file: the talk as a whole. */
export interface DeckMeta {
  title: string;
  subtitle?: string;
  author?: string;
  organisation?: string;
  date?: string;
  /** BCP 47 language of the deck, `zh-CN` unless set. */
  lang: string;
  /** Theme name: a CSS file `themes/<theme>.css`. */
  theme: string;
  /** Planned length of the talk in minutes (speaker view pacing). */
  duration?: number;
  /** Short title for the footer. */
  short?: string;
  subject?: string;
  keywords?: string[];
  /** The line of each key in the first file's front matter, for findings on the text it fills (the title page). */
  lines?: Partial<Record<string, number>>;
}

/** A part of the talk: one Markdown file. */
export interface Part {
  index: number;
  /** Source file of this part. */
  file: string;
  /** Title of the part: its front matter `part`, else its first heading. */
  title: string;
  /** Short marker shown on every slide of the part (e.g. 一); empty if none. */
  marker: string;
  /** Listed in the generated outline (`::: outline`). */
  inOutline: boolean;
  /** Index of the part's first slide in `Deck.slides`. */
  firstSlide: number;
}

export interface Diagram {
  /** Line of the opening ```mermaid fence. */
  pos: SourcePos;
  /** Mermaid source text. */
  code: string;
}

export interface Slide {
  /** 0-based index in reading order (horizontal then vertical). */
  index: number;
  /** reveal.js coordinates. */
  h: number;
  v: number;
  /** Where the slide starts in its file. */
  pos: SourcePos;
  /** Last source line of the slide (1-based, inclusive). */
  endLine: number;
  part: number;
  /** Text of the first heading, or '' when the slide has none. */
  title: string;
  /** Slide-level layout (title, divider, outline, centered) or ''. */
  layout: string;
  /** Rendered body HTML (without the <section>). */
  html: string;
  /** Rendered speaker notes HTML, '' when none. */
  notes: string;
  diagrams: Diagram[];
  /** Number of fragment steps on the slide. */
  fragments: number;
  /** Seconds it stayed on screen in the last rehearsal (slides/rehearsal.json), if rehearsed. */
  timing?: number;
}

/** A formula of the deck, as the parse rendered it (src/markdown/rules/math.ts). */
export interface Formula {
  file: string;
  /** 1-based source line. */
  line: number;
  tex: string;
  display: boolean;
}

export interface Deck {
  meta: DeckMeta;
  /** Source files in name order. */
  files: string[];
  parts: Part[];
  slides: Slide[];
  /** Every character that appears in the deck's rendered text (font subsetting). */
  text: string;
  /** The text of the deck's code (blocks and inline), if it has any: the monospace font is subset to it and shipped only then. */
  codeText?: string;
  /** The deck has a formula: KaTeX's CSS and the fonts its formulas use are shipped only then. */
  math?: boolean;
  /** Each formula KaTeX typeset, where it is written: what the doctor converts for PowerPoint and the tagged PDF names. */
  formulas?: Formula[];
  /** Real path of the theme's CSS file, once checked (src/deck/theme.ts); unset if it is not usable. */
  themeFile?: string;
  /** The pen's drawings from slides/annotations.json, by slide id (src/annotations/). */
  annotations?: Annotations;
}

/** An error the author must fix, carrying the file and line it comes from. */
export class DeckError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DeckError';
    this.problems = problems;
  }
}
