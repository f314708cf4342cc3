// The messages between the dev server (src/vite/deckPlugin.ts) and the open
// page (src/client/), over Vite's HMR channel: the server sends a fresh deck
// on each save; the page says which deck it was served, reports what its
// diagrams and the doctor find, and the server prints them once in the
// terminal (errors also in Vite's overlay).
import type { Problem } from './problem.ts';

/** The custom events, by what they carry. */
export const DEV_EVENT = {
  /** server → page: a DeckUpdate. */
  deck: 'iur:deck',
  /** page → server: a Hello, once the page listens. */
  hello: 'iur:hello',
  /** page → server: a DoctorReport for the slide on screen. */
  doctor: 'iur:doctor',
  /** page → server: one Problem the page found (a diagram that did not draw). */
  problem: 'iur:problem',
} as const;

export interface DeckUpdate {
  html: string;
  /** The code font's and KaTeX's CSS ('' for a deck with neither): the page puts it in when it changed. */
  css?: string;
  /** The deck's version (one more on every change the server takes). */
  version?: number;
}

/** The version of the deck the page was served with: a page that missed a save is sent the new deck. */
export interface Hello {
  version?: number;
}

/** What the doctor found on the slide on screen. */
export interface DoctorReport {
  slide: string;
  problems: Problem[];
}

/** The attribute on <html> with the version of the deck the page was served with. */
export const SERVED_VERSION = 'data-deck-served';

/** The id of the page's <style> with the code font's and KaTeX's CSS (src/render/pageHtml.ts writes it, a save may swap it). */
export const CODE_MATH_STYLE_ID = 'iur-code-math';
