// What the page offers Node through Puppeteer, in one place: the functions and
// data it puts on `window` for export, check, the benchmark and the tests
// (its ready signal, the doctor, the print view, the slide reader, the
// diagrams it drew, the slides --watch swaps in). The page sets them
// (src/client/readiness.ts and the modules it names); Node calls them inside
// page.evaluate, typed by the same declarations.
import type { RevealApi } from 'reveal.js';
import type { Problem } from './problem.ts';
import type { PageStatus, PrintedPage, PrintPlan, SlideKey, SlidePatch, SlidePlace } from './printView.ts';
import type { RasterJob, ReadOptions, SlideData } from './slideData.ts';

export interface DeckStatus {
  state: 'loading' | 'ready' | 'error';
  problems: Problem[];
  ready: Promise<DeckStatus>;
  /** The doctor on every slide at once (in the print view, where all are laid out), once the fonts have settled. */
  inspectAll?: () => Promise<Problem[]>;
  /** The doctor on the slide on screen, all its fragments shown, at once (the caller has waited for the page). */
  inspect?: () => Problem[];
  /** The smallest label of each drawn diagram on the slide on screen, in px at 1280×720 (the doctor's measure). */
  diagramLabels?: () => number[];
  /** How far the page got (print view). */
  printStatus?: () => PageStatus;
  /** Applies the print plan; what each printed page shows. */
  preparePrint?: (plan: PrintPlan) => PrintedPage[];
  /** The first page of each slide asked for, in document coordinates. */
  slidePlaces?: (keys: SlideKey[]) => SlidePlace[];
  /** Every slide of the print view as data for an editable PowerPoint. */
  readSlides?: (options: ReadOptions) => SlideData[];
  /** The PNG (base64) of each standalone SVG picture, drawn at `scale`. */
  rasterise?: (jobs: RasterJob[], scale: number) => Promise<string[]>;
}

declare global {
  interface Window {
    __iurDeck?: DeckStatus;
    Reveal?: RevealApi;
    /** Mermaid source → SVG drawn earlier by this same client (set by the exporter). */
    __iurPrerendered?: Record<string, string>;
    /** Mermaid source → SVG drawn in this page. */
    __iurDrawn?: Record<string, string>;
    /** Print view only: replaces the slides, lays the print view out again; resolves with the new problems. */
    __iurReprint?: (slidesHtml: string) => Promise<Problem[]>;
    /**
     * Print view only: changes the given slides in their printed pages, from the
     * whole deck's new HTML; null when a slide cannot be changed in place (the
     * caller then uses __iurReprint).
     */
    __iurPatch?: (slidesHtml: string, patches: SlidePatch[]) => Promise<Problem[] | null>;
  }
}
