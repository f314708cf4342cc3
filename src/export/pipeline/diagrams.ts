// The pipeline's diagrams: those an earlier export drew with the same client
// shell and browser (src/diagrams/drawnDiagrams.ts) go to the page instead of
// being drawn again, and what the page draws now is remembered for the next.
import type { Browser } from 'puppeteer';
import type { Deck } from '../../deck/model.ts';
import { drawnBefore, rememberDrawn } from '../../diagrams/drawnDiagrams.ts';

export interface EarlierDiagrams {
  /** Mermaid source → SVG, for the page. */
  prerendered: Record<string, string>;
  /** Distinct diagrams in the deck, and how many of them were drawn before. */
  total: number;
  reused: number;
  /** Remembers what the page drew (a cache: a failure to write it is no failure of the export). */
  remember: (drawn: Record<string, string>) => Promise<void>;
}

export async function earlierDiagrams(deck: Deck, shellKey: string, browser: Browser): Promise<EarlierDiagrams> {
  const codes = [...new Set(deck.slides.flatMap((s) => s.diagrams.map((d) => d.code)))];
  const drawnBy = { shell: shellKey, browser: await browser.version() };
  const prerendered = await drawnBefore(drawnBy, codes);
  return {
    prerendered,
    total: codes.length,
    reused: Object.keys(prerendered).length,
    remember: (drawn) => rememberDrawn(drawnBy, drawn).catch(() => {}),
  };
}
