// End to end: a card's text wraps between words, never inside one. In the
// four-card fixture (tests/fixtures/card-words) each text is too long for one
// line and the line is full just after 万 of 万一 — where BudouX's model put a
// phrase boundary, so the card broke 万 / 一. Each character's line is read
// from its own box in Chromium.
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndServe, launchBrowser, type Served } from '../../helpers/deckPage.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

let browser: Browser;
let served: Served;
let page: Page;

beforeAll(async () => {
  served = await buildAndServe('tests/fixtures/card-words');
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${served.url}?print-pdf`, { waitUntil: 'load' });
  await waitInPage(page, 'the deck to be ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Each card text's characters, by the line (0, 1, …) each is set on. */
function cardLines(): Promise<{ text: string; lines: string[] }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('li.card > p')).map((p) => {
      const lines: string[] = [];
      let last: number | undefined;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          if (top !== last) lines.push('');
          last = top;
          lines[lines.length - 1] += text[i];
        }
      }
      return { text: p.textContent ?? '', lines };
    }),
  );
}

describe('card text breaks between words', () => {
  it('万一 stays on one line in every card, each of which wraps', async () => {
    const cards = await cardLines();
    expect(cards).toHaveLength(4);
    for (const { text, lines } of cards) {
      expect(lines.length, `«${text}» on one line: this test could not fail`).toBeGreaterThan(1);
      expect(
        lines.some((l) => l.includes('万一')),
        `«${text}» set as ${lines.join(' / ')}`,
      ).toBe(true);
    }
  });
});
