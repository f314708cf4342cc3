// End to end in dev: a deck without code or formulas, open in the dev server;
// a save adds a code block and a formula to the slide on screen. The page
// takes them in place (no reload, same slide), with the code font's and
// KaTeX's CSS it did not have, their faces loaded, the code highlighted; no
// request leaves the dev server.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeck } from '../../helpers/deckPage.ts';
import { startDevDeck, type DevDeck } from '../../helpers/devDeck.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

let dev: DevDeck;
let page: Page;
let requests: string[];

beforeAll(async () => {
  dev = await startDevDeck('code-dev', 'tests/fixtures/basic');
  const url = dev.server.resolvedUrls?.local[0];
  if (!url) throw new Error('no dev server URL');
  const opened = await openDeck(dev.browser, `${url}#/2`);
  page = opened.page;
  requests = opened.log.requests;
}, 180_000);

afterAll(async () => {
  await dev?.stop();
});

describe('a save that brings the first code block and formula', () => {
  it('shows them in place, highlighted and set in their own fonts', async () => {
    expect(await page.evaluate(() => document.getElementById('iur-code-math'))).toBeNull();
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same page';
    });
    const file = path.join(dev.slides, '02-body.md');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace('## 第三张幻灯片', '## 第三张幻灯片\n\n```ts\nconst 总数: number = 3; // 注释\n```\n\n质能方程 $E = mc^2$\n'),
    );
    await waitInPage(
      page,
      'the code block on the slide on screen',
      () => window.Reveal?.getCurrentSlide().querySelector('pre.code-block') !== null,
      {
        timeout: 20_000,
      },
    );
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(await page.evaluate(() => window.Reveal?.getIndices().h)).toBe(2);
    await waitInPage(
      page,
      'the code font and KaTeX faces loaded',
      () => document.fonts.check('24px "IUR JetBrains Mono"', 'const') && document.fonts.check('24px KaTeX_Main', '='),
      { timeout: 20_000 },
    );
    const shown = await page.evaluate(() => {
      const slide = window.Reveal?.getCurrentSlide();
      const spans = Array.from(slide?.querySelectorAll('pre.code-block .code-line span[style]') ?? []);
      return {
        colours: new Set(spans.map((s) => getComputedStyle(s).color)).size,
        font: getComputedStyle(slide?.querySelector('pre.code-block') ?? document.body).fontFamily,
        formula: slide?.querySelector('.math .katex')?.getBoundingClientRect().width ?? 0,
      };
    });
    expect(shown.colours).toBeGreaterThanOrEqual(3);
    expect(shown.font).toMatch(/^"IUR JetBrains Mono"/);
    expect(shown.formula).toBeGreaterThan(40);
    const origin = new URL(page.url()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !/^(data|blob|ws):/.test(u))).toEqual([]);
  });
});
