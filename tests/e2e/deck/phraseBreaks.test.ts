// End to end: Chinese in cards, headings and table headers breaks between
// phrases (BudouX at parse time, <wbr> + word-break: keep-all), never inside a
// word. The composition fixture's four-card slide is narrow enough that
// 开源社区与用户社区 must wrap; each character's line is read from its own box.
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndServe, launchBrowser, type Served } from '../../helpers/deckPage.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

const TEXT = '开源社区与用户社区';
const WORDS = ['开源', '社区', '用户', '社区'];
/** The same words further along a line: at this width a break at any character would cut 社|区. */
const LONGER = '携手共建开源社区与用户社区';
const LONGER_WORDS = ['携手', '共建', ...WORDS];

let browser: Browser;
let served: Served;
let page: Page;

beforeAll(async () => {
  served = await buildAndServe('tests/fixtures/compose');
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${served.url}?print-pdf`, { waitUntil: 'load' });
  await waitInPage(page, 'the deck ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The line (0, 1, …) each character of the first element whose text is `text` is set on. */
async function linesOfChars(text: string): Promise<{ lines: number[]; width: number }> {
  return page.evaluate((wanted) => {
    const el = Array.from(document.querySelectorAll<HTMLElement>('li.card')).find((e) => (e.textContent ?? '').trim() === wanted);
    if (!el) throw new Error(`no card «${wanted}»`);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const tops: number[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < (node.textContent ?? '').length; i++) {
        if (!(node.textContent ?? '')[i].trim()) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        tops.push(Math.round(range.getBoundingClientRect().top));
      }
    }
    const distinct = [...new Set(tops)].sort((a, b) => a - b);
    return { lines: tops.map((t) => distinct.indexOf(t)), width: el.getBoundingClientRect().width };
  }, text);
}

describe('Chinese phrase breaks in cards', () => {
  for (const [text, words] of [
    [TEXT, WORDS],
    [LONGER, LONGER_WORDS],
  ] as const) {
    it(`wraps «${text}» at the four-card width only between words`, async () => {
      const { lines, width } = await linesOfChars(text);
      expect(lines).toHaveLength(text.length);
      // The card is too narrow for one line: otherwise this test could not fail.
      expect(Math.max(...lines), `one line in a ${width} px card`).toBeGreaterThan(0);
      let at = 0;
      for (const word of words) {
        const start = text.indexOf(word, at);
        const inWord = lines.slice(start, start + word.length);
        expect(new Set(inWord).size, `«${word}» broken: lines ${lines.join(',')}`).toBe(1);
        at = start + word.length;
      }
    });
  }

  it('keeps the text of the page whole: <wbr> marks the breaks, no character is added', async () => {
    const html = await page.evaluate(
      (wanted) => Array.from(document.querySelectorAll('li.card')).find((e) => (e.textContent ?? '').trim() === wanted)?.innerHTML ?? '',
      TEXT,
    );
    expect(html).toContain('开源<wbr>社区');
    const text = await page.evaluate(() => document.querySelector('section[data-file] h2')?.textContent ?? '');
    expect(text).not.toMatch(/[\u200b\u00ad]/);
  });
});
