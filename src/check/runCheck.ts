// The deck doctor: builds the deck, opens its print view (every slide laid
// out at 1280×720, as the PDF shows it) in Chromium and collects every
// problem — from parsing, from drawing the diagrams, and from the doctor's
// rules: the page's on each laid-out slide (src/client/doctor/) and the
// font's glyphs (src/font/glyphs.ts), the same rules export and dev run.
import type { Browser } from 'puppeteer';
import { buildAndServe } from '../builder/serveBuild.ts';
import { launchBrowser } from '../browser/launch.ts';
import { DeckError, type Deck } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';
import { missingGlyphs } from '../font/glyphs.ts';
import { equationProblems } from './equationCheck.ts';

export interface CheckOptions {
  slidesDir: string;
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
  /** The deck as built (its rehearsed times, for the report). */
  onDeck?: (deck: Deck) => void;
}

function order(a: Problem, b: Problem): number {
  return a.pos.file === b.pos.file ? a.pos.line - b.pos.line : a.pos.file < b.pos.file ? -1 : 1;
}

function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pos.file}:${p.pos.line}:${p.level}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function runCheck(options: CheckOptions): Promise<Problem[]> {
  let served;
  try {
    // Slides with errors are still laid out and checked: every problem in one pass.
    served = await buildAndServe(options.slidesDir, { keepGoing: true });
  } catch (error) {
    if (error instanceof DeckError) return error.problems.slice().sort(order);
    throw error;
  }
  let browser: Browser | undefined;
  try {
    const { deck, problems: parsed } = served.build;
    options.onDeck?.(deck);
    const problems: Problem[] = [...parsed, ...missingGlyphs(deck), ...(await equationProblems(deck))];
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    // The print view lays out every slide at once (as the PDF shows them, fragments visible):
    // no navigation per slide, which reveal.js makes cost O(slides) each.
    await page.goto(`${served.url}?print-pdf`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.deck !== 'loading', { timeout: options.timeoutMs ?? 120_000 });
    problems.push(...(await page.evaluate(() => window.__iurDeck?.problems ?? [])));
    problems.push(...(await page.evaluate(() => window.__iurDeck?.inspectAll?.() ?? [])));
    options.onProgress?.(deck.slides.length, deck.slides.length);
    return unique(problems).sort(order);
  } finally {
    await browser?.close();
    await served.close();
  }
}
