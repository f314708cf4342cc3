// Dev with a slides folder that does not exist yet: the page shows the error
// in Vite's overlay (not a blank "1 / 0"), and when the folder appears the
// deck loads by itself.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser, Page } from 'puppeteer';
import { deckViteConfig } from '../../../src/vite/config.ts';
import { launchBrowser, tempDir } from '../../helpers/deckPage.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

let parent: string;
let dir: string;
let server: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  parent = await tempDir('dev-missing');
  dir = path.join(parent, 'talk');
  server = await createServer({ ...deckViteConfig({ slidesDir: dir, port: 0, logLevel: 'silent', log: () => {} }) });
  await server.listen();
  browser = await launchBrowser();
  page = await browser.newPage();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('no dev server URL');
  await page.goto(url, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(parent, { recursive: true, force: true });
});

/** The text of Vite's error overlay, '' while there is none. */
const overlayText = () => page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '');

describe('dev on a slides folder that does not exist', () => {
  it('shows "slides folder not found" in the page', async () => {
    await waitInPage(page, "Vite's error overlay", () => document.querySelector('vite-error-overlay') !== null, { timeout: 15_000 });
    expect(await overlayText()).toMatch(/talk: error: slides folder not found/);
  });

  it('loads the deck once the folder appears', async () => {
    await mkdir(dir);
    await writeFile(path.join(dir, '01.md'), '---\ntitle: 出现了\n---\n\n## 第一张\n\n内容\n');
    await waitInPage(
      page,
      'the deck to load once the folder appears',
      () => document.querySelector('.reveal section[data-title="第一张"]') !== null && document.documentElement.dataset.deck === 'ready',
      { timeout: 20_000 },
    );
    expect(await page.evaluate(() => document.querySelector('vite-error-overlay'))).toBeNull();
  });
});
