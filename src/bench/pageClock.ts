// Comparing times taken in the page with times taken in Node. Both read
// `performance.timeOrigin + performance.now()` (ms since the epoch, high
// resolution); their offset is measured with round trips, keeping the
// shortest one, so a page timestamp can be put on Node's clock within
// ±(round trip / 2).
import type { Page } from 'puppeteer';

/** Node's clock, comparable to pageNow() in the page. */
export function nodeNow(): number {
  return performance.timeOrigin + performance.now();
}

export interface ClockOffset {
  /** page clock − Node clock, in ms. */
  offsetMs: number;
  /** Half the shortest round trip: the offset's uncertainty. */
  errorMs: number;
}

export async function measureOffset(page: Page, samples = 7): Promise<ClockOffset> {
  let best: ClockOffset = { offsetMs: 0, errorMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i++) {
    const before = nodeNow();
    const inPage = await page.evaluate('performance.timeOrigin + performance.now()');
    const after = nodeNow();
    if (typeof inPage !== 'number') continue;
    const error = (after - before) / 2;
    if (error < best.errorMs) best = { offsetMs: inPage - (before + after) / 2, errorMs: error };
  }
  return best;
}

/** A page timestamp on Node's clock. */
export function toNodeClock(pageTime: number, clock: ClockOffset): number {
  return pageTime - clock.offsetMs;
}
