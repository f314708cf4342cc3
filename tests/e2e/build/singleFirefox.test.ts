// End to end in Firefox (WebDriver BiDi): the single file opened from file://
// — every slide, the diagram, the bundled font, the speaker view. Skipped,
// saying so, where no Firefox is installed (apt-get install firefox-esr).
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { buildDeck } from '../../../src/builder/buildDeck.ts';
import { tempDir } from '../../helpers/deckPage.ts';
import { openSpeakerView, waitForSpeakerNotes, waitForTimerTick } from '../../helpers/speakerView.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

const FIREFOX = [process.env.IUR_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
  (p): p is string => Boolean(p) && existsSync(p as string),
);
if (!FIREFOX) console.warn('single-firefox: no Firefox found (apt-get install firefox-esr, or set IUR_FIREFOX): skipped');

let out: string;
let browser: Browser;
let page: Page;
const errors: string[] = [];

describe.skipIf(!FIREFOX)('the single file in Firefox, from file://', () => {
  beforeAll(async () => {
    out = await tempDir('single-ff');
    const build = await buildDeck({ slidesDir: 'tests/fixtures/basic', outDir: path.join(out, 'deck'), single: true, quiet: true });
    // Firefox's first start makes its profile: on a busy machine that took over Puppeteer's default 30 s.
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      defaultViewport: { width: 1280, height: 720 },
      timeout: 90_000,
    });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
    await page.goto(pathToFileURL(build.indexHtml).href, { waitUntil: 'load' });
    await waitInPage(page, 'the single file to load in Firefox', () => document.documentElement.dataset.deck !== 'loading', {
      timeout: 60_000,
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('is ready, draws the diagram and uses the bundled font', async () => {
    const state = await page.evaluate(() => ({
      deck: document.documentElement.dataset.deck,
      svgs: document.querySelectorAll('figure.mermaid-diagram svg').length,
      family: getComputedStyle(document.querySelector('#slide-3 h2')!).fontFamily,
      font: document.fonts.check('700 28px "IUR Noto Sans SC"', '产学研'),
    }));
    expect(state).toMatchObject({ deck: 'ready', svgs: 1, font: true });
    expect(state.family.replace(/["']/g, '')).toMatch(/^IUR Noto Sans SC/);
    expect(errors).toEqual([]);
  });

  it('reaches every slide with the keyboard', async () => {
    const seen = new Set<string>();
    for (let presses = 0; presses < 50; presses++) {
      const at = await page.evaluate(() => ({
        id: window.Reveal!.getCurrentSlide().id,
        end: window.Reveal!.isLastSlide() && !window.Reveal!.availableFragments().next,
      }));
      seen.add(at.id);
      if (at.end) break;
      await page.keyboard.press(' ');
    }
    expect(seen.size).toBe(5);
  });

  it('opens the speaker view, which runs and follows the deck', async () => {
    await page.evaluate(() => window.Reveal?.slide(1, 0));
    const view = await openSpeakerView(page);
    await waitForSpeakerNotes(view, '提纲的备注');
    const tick = await waitForTimerTick(view);
    expect(tick.after).not.toBe(tick.before);
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await waitForSpeakerNotes(view, '第三张的备注');
    expect(await view.evaluate(() => document.querySelector('#upcoming-slide .label')?.textContent)).toBe('下一张');
    await view.close();
  });
});
