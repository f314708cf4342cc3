// The rules of slide composition as plain functions (no DOM): the deck's type
// scale, which treatment a slide gets from its measured features, the search
// for the largest step that fits, and the "void" measure the look test asks.
// src/client/compose.ts measures the page and applies what these decide.
import { OVERRIDES, type Override } from '../shared/slideClasses.ts';

/**
 * The body type scale, in px at 1280×720: compact (dense slides, tables that
 * need it), base, roomy (sparse slides). Three sizes for the whole deck, never
 * a size per slide; statement and title type are display sizes, not body.
 */
export const BODY_SCALE = [24, 28, 32] as const;
/** Index of the base size (28 px) in BODY_SCALE. */
export const BASE_STEP = 1;

/**
 * How much of the body area (under the title, above the footer band) a slide
 * may fill at a step above the base: a stepped-up slide must still breathe.
 */
export const ROOMY_FILL = 0.72;

/** A statement is one sentence of at most this many characters. */
export const STATEMENT_MAX_CHARS = 60;

/** Author overrides: a class on the slide's title heading (`## 标题 {.dense}`) or on its <section> (src/shared/slideClasses.ts). */
export { OVERRIDES, type Override };

/**
 * What the composer did with a slide, written to `<section data-compose>`:
 * - `layout`: a slide layout of its own (title, divider, outline, centered); left as it is;
 * - `statement`: one sentence, set large in the middle of the body area;
 * - `sparse`: a short body, stepped up the scale and balanced under the title;
 * - `regular`: the base size, balanced under the title;
 * - `dense`: a full body: the base size or one step down, never below the floor;
 * - `figure`: a diagram or image takes the room left; the text keeps the base size or steps down.
 */
export type Treatment = 'layout' | 'statement' | 'sparse' | 'regular' | 'dense' | 'figure';

/** What the composer knows of a slide before any fitting (read from the DOM by compose.ts). */
export interface SlideFeatures {
  /** The slide layout (`title`, `divider`, `outline`, `centered`) or ''. */
  layout: string;
  override?: Override;
  /** Tag names of the body's top-level blocks, lower case (`p`, `ul`, `table`, `div` …). */
  blocks: string[];
  /** The body's visible text, white space collapsed. */
  text: string;
  /** A diagram, image or video in the body. */
  hasFigure: boolean;
}

const SENTENCE_END = /[。！？!?；;]/g;

/** One sentence: a single paragraph, short, with at most one sentence end (at its end). */
export function isStatement(f: SlideFeatures): boolean {
  if (f.blocks.length !== 1 || f.blocks[0] !== 'p' || f.hasFigure) return false;
  const text = f.text.trim();
  if (text.length === 0 || text.length > STATEMENT_MAX_CHARS) return false;
  const ends = text.replace(/[。！？!?；;…]+$/u, '').match(SENTENCE_END);
  return ends === null;
}

/** The kind of composition before measuring: what may be tried on the slide. */
export function chooseKind(f: SlideFeatures): 'layout' | 'statement' | 'figure' | 'text' {
  if (f.layout) return 'layout';
  if (f.override === 'statement') return f.blocks.length > 0 ? 'statement' : 'text';
  if (f.hasFigure) return 'figure';
  if (f.override === undefined && isStatement(f)) return 'statement';
  return 'text';
}

/** The steps of BODY_SCALE a kind may use, smallest first. */
export function stepsFor(kind: 'figure' | 'text', override?: Override): number[] {
  if (kind === 'figure' || override === 'dense') return [0, BASE_STEP];
  return BODY_SCALE.map((_, i) => i);
}

/**
 * A binary search for the largest of `candidates` (ascending) that fits,
 * driven from outside one step at a time: `next()` names the candidate to try,
 * `report()` says whether it fitted. The composer runs one search per slide
 * and steps them all together, so a whole deck costs a few layouts of the
 * page, not a few per slide. `fits` must be monotone (what fits at a step fits
 * at every smaller one); when nothing fits, the smallest candidate is the
 * answer: the floor is a floor.
 */
export class StepSearch {
  private lo = 0;
  private hi: number;
  private best = -1;
  tries = 0;
  constructor(private readonly candidates: readonly number[]) {
    this.hi = candidates.length - 1;
  }

  /** The candidate to try next, or undefined when the search is over. */
  next(): number | undefined {
    return this.lo <= this.hi ? this.candidates[(this.lo + this.hi) >> 1] : undefined;
  }

  report(fits: boolean): void {
    const mid = (this.lo + this.hi) >> 1;
    this.tries++;
    if (fits) {
      this.best = mid;
      this.lo = mid + 1;
    } else this.hi = mid - 1;
  }

  /** The answer (once next() is undefined). */
  get value(): number {
    return this.candidates[Math.max(this.best, 0)];
  }
}

/** StepSearch run to the end with a test at hand. */
export function largestFitting(candidates: readonly number[], fits: (candidate: number) => boolean): { value: number; tries: number } {
  const search = new StepSearch(candidates);
  for (let c = search.next(); c !== undefined; c = search.next()) search.report(fits(c));
  return { value: search.value, tries: search.tries };
}

/** A vertical extent in slide px. */
export interface Span {
  top: number;
  bottom: number;
}

/**
 * The "void" measure: how much more of the body area is empty below the
 * content than above it, as a fraction of the area's height. 0 for a body
 * that is balanced or full; 0.6 for three lines glued under the title of an
 * otherwise empty slide. The look test fails a slide above MAX_VOID.
 */
export function voidBelow(area: Span, content: Span): number {
  const height = area.bottom - area.top;
  if (height <= 0) return 0;
  const above = Math.max(0, content.top - area.top);
  const below = Math.max(0, area.bottom - content.bottom);
  return (below - above) / height;
}

/** The most a slide may leave empty below its content beyond what it leaves above (see voidBelow). */
export const MAX_VOID = 0.25;

/** The treatment that the chosen step and fill amount to, for a text or figure slide. */
export function treatmentOf(kind: 'figure' | 'text', step: number, fill: number, override?: Override): Treatment {
  if (kind === 'figure') return 'figure';
  if (override === 'dense' || step < BASE_STEP || fill > 0.9) return 'dense';
  return step > BASE_STEP ? 'sparse' : 'regular';
}
