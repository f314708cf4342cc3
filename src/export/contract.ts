// The contract every export format implements, and what they all share: each
// format opens the same print view (print/), takes what it needs while the
// browser runs (render), and makes its bytes after the browser is closed
// (finish). Imports no format: the list of formats is registry.ts.
import type { Browser } from 'puppeteer';
import type { Deck } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';
import type { Progress } from './progress.ts';

/** PNG width in px unless --width says otherwise (1.5 × the 1280 px slide). */
export const DEFAULT_PNG_WIDTH = 1920;

/** Slides per A4 handout page (--handout). */
export type HandoutSize = 3 | 6;
export const HANDOUT_SIZES: readonly HandoutSize[] = [3, 6];

export interface RenderTarget {
  browser: Browser;
  /** The built deck's index.html, served over HTTP. */
  url: string;
  deck: Deck;
  /** Diagrams drawn before by the same shell and browser (Mermaid source → SVG). */
  prerendered?: Record<string, string>;
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
}

/** What an export writes: one file, or a folder of files (PNG). */
export type Output =
  { kind: 'file'; data: Uint8Array; pages: number } | { kind: 'folder'; files: { name: string; data: Uint8Array }[]; pages: number };

export interface Captured {
  /** Diagrams the page drew itself (Mermaid source → SVG), to remember. */
  drawn: Record<string, string>;
  /** What the deck doctor found on the laid-out slides (print/printPage.ts). */
  doctor: Problem[];
  /** Makes the output; needs no browser. */
  finish(progress: Progress): Promise<Output>;
}

export interface FormatModule {
  render(target: RenderTarget, options: RenderOptions, progress: Progress, log?: (line: string) => void): Promise<Captured>;
}
