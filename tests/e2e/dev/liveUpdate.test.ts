// End to end in dev: the Vite dev server on a copy of a fixture deck; saving
// a slide file updates the open page in place, on the same slide, without a
// reload, composed as at load; a character new to the deck is drawn in the bundled font; a broken
// file shows in the overlay and fixing it restores the deck.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser, Page } from 'puppeteer';
import { deckViteConfig } from '../../../src/vite/config.ts';
import { launchBrowser, openDeck, tempDir } from '../../helpers/deckPage.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

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
    await waitInPage(
      page,
      'the edit to slide 3 in the page',
      () => window.Reveal?.getCurrentSlide().textContent?.includes('改过的第三张'),
      { timeout: 10_000 },
    );
    expect((await indices())?.h).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  });

  it('composes the slides a save swaps in, as at load', async () => {
    const composed = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('section[data-file]')).map(
          (s) => `${s.dataset.compose}/${s.dataset.composeSize ?? '-'}`,
        ),
      );
    const swapped = await composed();
    expect(swapped.every((c) => /^(layout|statement|sparse|regular|dense|figure)\//.test(c))).toBe(true);
    await page.reload({ waitUntil: 'load' });
    await waitInPage(page, 'the reloaded deck ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 60_000 });
    expect(await composed()).toEqual(swapped);
  });

  it('swaps in only the slide that changed: the others stay the same elements, composed as they were', async () => {
    const tag = () =>
      page.evaluate(() => {
        for (const s of document.querySelectorAll<HTMLElement>('.reveal .slides > section'))
          (s as unknown as { kept?: string }).kept = s.id || s.dataset.line;
      });
    const kept = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > section')).map((s) => ({
          kept: (s as unknown as { kept?: string }).kept !== undefined,
          text: s.querySelector('h2')?.textContent ?? '',
          compose: s.dataset.compose,
        })),
      );
    await tag();
    // Whoever watches the slides change (a MutationObserver, as a tool measuring the update does) finds
    // reveal.js already on the new slides: its current slide is in the page, not the element swapped out.
    await page.evaluate(() => {
      const seen: boolean[] = ((window as unknown as { seen: boolean[] }).seen = []);
      const slides = document.querySelector('.reveal .slides');
      if (!slides) return;
      new MutationObserver(() => seen.push(window.Reveal?.getCurrentSlide().isConnected === true)).observe(slides, {
        childList: true,
        subtree: true,
      });
    });
    const before = await kept();
    const file = path.join(dir, '02-body.md');
    const text = await readFile(file, 'utf8');
    // Only characters the deck already has: the font stays the subset (the next test counts the fonts fetched).
    await writeFile(file, text.replace('第一点', '第一点第二点'));
    await waitInPage(page, 'the edited slide on screen', () => window.Reveal?.getCurrentSlide().textContent?.includes('第一点第二点'), {
      timeout: 10_000,
    });
    const after = await kept();
    expect(after).toHaveLength(before.length);
    const swapped = after.map((s, i) => (s.kept ? -1 : i)).filter((i) => i >= 0);
    // One slide swapped in (the one on screen), every other one the element it was, composed as before.
    expect(swapped).toHaveLength(1);
    expect(after.map((s) => s.compose)).toEqual(before.map((s) => s.compose));
    const seen = await page.evaluate(() => (window as unknown as { seen: boolean[] }).seen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(Boolean)).toBe(true);
    expect((await indices())?.h).toBe(2);
  });

  it('fetches a subset of the font, and the full font only for a character typed later', async () => {
    const fontFiles = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => /NotoSansSC.*\.(ttf|woff2)$/.test(n)),
      );
    const before = await fontFiles();
    expect(before.filter((n) => n.includes('/.cache/iur-deck/fonts/'))).toHaveLength(2);
    expect(before.filter((n) => n.includes('@expo-google-fonts'))).toEqual([]);

    // 鲸 is in no fixture file and in nothing the presenting UI writes.
    const file = path.join(dir, '02-body.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('## 改过的第三张', '## 改过的第三张鲸'));
    await waitInPage(page, 'the new character 鲸 in the page', () => window.Reveal?.getCurrentSlide().textContent?.includes('鲸'), {
      timeout: 10_000,
    });
    await waitInPage(page, 'the fonts loaded', () => document.fonts.status === 'loaded', { timeout: 10_000 });
    // The full face of each weight the new character is drawn in (the heading, and wherever its title shows).
    expect((await fontFiles()).filter((n) => n.includes('@expo-google-fonts')).length).toBeGreaterThan(0);
    const cdp = await page.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const root = (await cdp.send('DOM.getDocument', { depth: 0 })).root.nodeId;
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root, selector: '.reveal .slides section.present h2' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.isCustomFont)).toBe(true);
    await cdp.detach();
  });

  it('shows a broken file in the error overlay with file:line, and recovers when fixed', async () => {
    const file = path.join(dir, '02-body.md');
    const good = await readFile(file, 'utf8');
    await writeFile(file, `${good}\n---\n\n::: columns\nunclosed\n`);
    await waitInPage(page, "Vite's error overlay", () => document.querySelector('vite-error-overlay') !== null, { timeout: 10_000 });
    const message = await page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '');
    expect(message).toMatch(/02-body\.md:\d+: error: container ::: columns is not closed/);
    await writeFile(file, good.replace('## 改过的第三张鲸', '## 修好了'));
    await waitInPage(page, 'the fixed slide in the page', () => window.Reveal?.getCurrentSlide().textContent?.includes('修好了'), {
      timeout: 10_000,
    });
    expect((await indices())?.h).toBe(2);
    expect(await page.evaluate(() => document.querySelector('vite-error-overlay'))).toBeNull();
  });
});
