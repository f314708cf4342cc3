// End to end: `build --single` writes one self-contained HTML file that works
// opened from file:// — no other request, every slide reachable with the
// keyboard, every diagram drawn, the bundled font in use, the speaker view.
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { buildDeck, type BuildResult } from '../../../src/builder/buildDeck.ts';
import { launchBrowser, tempDir } from '../../helpers/deckPage.ts';
import { openSpeakerView, waitForPreviewOn, waitForSpeakerNotes, waitForTimerTick } from '../../helpers/speakerView.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

let out: string;
let build: BuildResult;
let fileUrl: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const blocked: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  out = await tempDir('single');
  build = await buildDeck({ slidesDir: 'tests/fixtures/basic', outDir: path.join(out, 'deck'), single: true, quiet: true });
  fileUrl = pathToFileURL(build.indexHtml).href;
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const url = r.url();
    requests.push(url);
    if (url === fileUrl || url.startsWith(`${fileUrl}#`) || url.startsWith('data:') || url.startsWith('blob:')) void r.continue();
    else {
      blocked.push(url);
      void r.abort();
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  await page.goto(fileUrl, { waitUntil: 'load' });
  await waitInPage(page, 'the single file to load', () => document.documentElement.dataset.deck !== 'loading', { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await rm(out, { recursive: true, force: true });
});

describe('the single file', () => {
  it('is one HTML file with nothing to fetch, under 2 MB', async () => {
    const files = (await readdir(build.outDir)).sort();
    expect(files.filter((f) => f !== 'FONT-LICENSE.txt' && f !== '.iur-deck-build')).toEqual(['index.html']);
    const html = await readFile(build.indexHtml, 'utf8');
    expect(html).not.toMatch(/<script[^>]+\bsrc=/);
    expect(html).not.toMatch(/<link[^>]+rel="(stylesheet|modulepreload)"/);
    expect(html).not.toMatch(/url\((?!["']?data:)[^)]*\.(woff2?|ttf|png|svg)/);
    expect(html).toContain('data:font/woff2;base64,');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    const size = (await stat(build.indexHtml)).size;
    console.log(`single file: ${(size / 1024).toFixed(0)} KB`);
    expect(size).toBeLessThan(2 * 1024 * 1024);
  });

  it('opens from file:// ready, with no error, and asks for nothing but itself and data: URLs', () => {
    expect(fileUrl).toMatch(/^file:\/\//);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    expect(requests[0]).toBe(fileUrl);
    expect(requests.filter((u) => u.startsWith('data:font/woff2')).length).toBeGreaterThan(0);
  });

  it('is ready and draws every Mermaid diagram as an SVG', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.deck)).toBe('ready');
    const figures = await page.evaluate(() =>
      Array.from(document.querySelectorAll('figure.mermaid-diagram')).map((f) => ({
        slide: f.closest('section[data-file]')?.id,
        svg: f.querySelector('svg') !== null,
        text: f.querySelector('svg')?.textContent ?? '',
      })),
    );
    expect(figures.length).toBe(build.deck.slides.reduce((n, s) => n + s.diagrams.length, 0));
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect(f.svg, f.slide).toBe(true);
    expect(figures[0].text).toContain('基础研究');
  });

  it('reaches every slide with the keyboard (Space), in order', async () => {
    await page.evaluate(() => window.Reveal?.slide(0, 0, -1));
    const seen: string[] = [];
    for (let presses = 0; presses < 200; presses++) {
      const at = await page.evaluate(() => ({
        id: window.Reveal!.getCurrentSlide().id,
        end: window.Reveal!.isLastSlide() && !window.Reveal!.availableFragments().next,
      }));
      if (seen[seen.length - 1] !== at.id) seen.push(at.id);
      if (at.end) break;
      await page.keyboard.press('Space');
    }
    expect(seen).toEqual(build.deck.slides.map((s) => `slide-${s.index + 1}`));
  });

  it('uses the bundled font, not a system one', async () => {
    const family = await page.evaluate(() => getComputedStyle(document.querySelector('#slide-3 h2')!).fontFamily);
    expect(family.replace(/["']/g, '')).toMatch(/^IUR Noto Sans SC/);
    expect(await page.evaluate(() => document.fonts.check('700 28px "IUR Noto Sans SC"', '产学研'))).toBe(true);
    await page.evaluate(() => window.Reveal?.slide(2, 0, 0));
    const cdp = await page.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#slide-3 h2' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    expect(fonts.length).toBeGreaterThan(0);
    // A web font (isCustomFont), and it is Noto Sans SC: no system font drew a glyph.
    for (const f of fonts) expect(f, JSON.stringify(fonts)).toMatchObject({ isCustomFont: true, familyName: 'Noto Sans SC' });
  });

  it('opens the speaker view from file://: notes, a running timer, and it follows the deck', async () => {
    await page.evaluate(() => window.Reveal?.slide(1, 0));
    // The speaker view's previews load the same file again (with ?receiver).
    const viewRequests: string[] = [];
    page.once('popup', (p) => p?.on('request', (r) => viewRequests.push(r.url())));
    const view = await openSpeakerView(page);
    await waitForSpeakerNotes(view, '提纲的备注');
    const tick = await waitForTimerTick(view);
    expect(tick.after).not.toBe(tick.before);
    await waitForPreviewOn(view, 1);
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await waitForSpeakerNotes(view, '第三张的备注');
    await waitForPreviewOn(view, 2);
    expect(await view.evaluate(() => document.querySelector('.speaker-controls-notes .label')?.textContent)).toBe('备注');
    await view.close();
    expect(viewRequests.filter((u) => !u.startsWith(`${fileUrl}?receiver`) && !u.startsWith('data:') && u !== 'about:blank')).toEqual([]);
    expect(viewRequests.some((u) => u.startsWith(`${fileUrl}?receiver`))).toBe(true);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});
