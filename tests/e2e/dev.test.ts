// End to end in dev: the Vite dev server on a copy of a fixture deck; saving
// a slide file updates the open page in place, on the same slide, without a
// reload; a broken file shows in the overlay and fixing it restores the deck.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser, Page } from 'puppeteer';
import { deckViteConfig } from '../../src/vite/config.ts';
import { launchBrowser, openDeck, tempDir } from '../helpers/deckPage.ts';

let dir: string;
let server: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = await tempDir('dev');
  await cp('tests/fixtures/basic', dir, { recursive: true });
  server = await createServer({ ...deckViteConfig({ slidesDir: dir, port: 0, logLevel: 'silent', log: () => {} }) });
  await server.listen();
  browser = await launchBrowser();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('no dev server URL');
  expect(new URL(url).hostname).toBe('localhost');
  ({ page } = await openDeck(browser, `${url}#/2`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const indices = () => page.evaluate(() => window.Reveal?.getIndices());

describe('dev server', () => {
  it('opens on slide 3', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.deck)).toBe('ready');
    expect((await indices())?.h).toBe(2);
    expect(await page.evaluate(() => window.Reveal?.getCurrentSlide().getAttribute('data-title'))).toBe('第三张幻灯片');
  });

  it('shows an edit to slide 3 in place, still on slide 3, without reloading', async () => {
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same page';
    });
    const file = path.join(dir, '02-body.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('## 第三张幻灯片', '## 改过的第三张'));
    await page.waitForFunction(() => window.Reveal?.getCurrentSlide().textContent?.includes('改过的第三张'), { timeout: 10_000 });
    expect((await indices())?.h).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  });

  it('shows a broken file in the error overlay with file:line, and recovers when fixed', async () => {
    const file = path.join(dir, '02-body.md');
    const good = await readFile(file, 'utf8');
    await writeFile(file, `${good}\n---\n\n::: columns\nunclosed\n`);
    await page.waitForFunction(() => document.querySelector('vite-error-overlay') !== null, { timeout: 10_000 });
    const message = await page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '');
    expect(message).toMatch(/02-body\.md:\d+: error: container ::: columns is not closed/);
    await writeFile(file, good.replace('## 改过的第三张', '## 修好了'));
    await page.waitForFunction(() => window.Reveal?.getCurrentSlide().textContent?.includes('修好了'), { timeout: 10_000 });
    expect((await indices())?.h).toBe(2);
    expect(await page.evaluate(() => document.querySelector('vite-error-overlay'))).toBeNull();
  });
});
