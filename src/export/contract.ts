// The contract every export format implements, and what they all share: the
// pipeline (pipeline/) opens the print view the way the format asks (view),
// the format takes what it needs from that page while the browser runs
// (capture), and makes its bytes after (finish), when Chromium may be gone.
// Imports no format: the list of formats is registry.ts.
import type { Browser } from 'puppeteer';
import type { Deck } from '../deck/model.ts';
import type { OpenedDeck } from './print/printPage.ts';
import type { Progress } from './progress.ts';

/** PNG width in px unless --width says otherwise (1.5 × the 1280 px slide). */
export const DEFAULT_PNG_WIDTH = 1920;

/** Slides per A4 handout page (--handout). */
export type HandoutSize = 3 | 6;
export const HANDOUT_SIZES: readonly HandoutSize[] = [3, 6];

export interface RenderTarget {
  browser: Browser;
  deck: Deck;
  /** The open print view, laid out and checked. */
  opened: OpenedDeck;
}

export interface RenderOptions {
  notes: boolean;
  fragments: boolean;
  /** The pen's drawings on their slides (--annotations). */
  annotations?: boolean;
  /** 0-based slides to print, or null for all. */
  selected: number[] | null;
  timeoutMs: number;
  /** Width of each PNG in px (--format png). */
  pngWidth?: number;
  /** Slides per A4 handout page (--handout): the PDF is then the handout. */
  handout?: HandoutSize;
  /** PowerPoint: each slide's rehearsed time as its advance time (--rehearsed-timings). */
  rehearsedTimings?: boolean;
}

/** How the print view is opened for a format. */
export interface ViewOptions {
  /** A page per fragment step (the PDF with --fragments). */
  fragments: boolean;
  /** The pen's drawings drawn on their pages. */
  annotations?: boolean;
}

/** What an export writes: one file, or a folder of files (PNG). */
export type Output =
  { kind: 'file'; data: Uint8Array; pages: number } | { kind: 'folder'; files: { name: string; data: Uint8Array }[]; pages: number };

export interface Captured {
  /** Makes the output; needs no browser. */
  finish(progress: Progress): Promise<Output>;
}

export interface FormatModule {
  /** How this format wants the print view opened. */
  view(options: RenderOptions): ViewOptions;
  /** Takes what the format needs from the open print view. */
  capture(target: RenderTarget, options: RenderOptions, progress: Progress): Promise<Captured>;
}
