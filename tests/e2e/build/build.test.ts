// End to end: a real Vite build of the fixture deck, served on loopback and
// opened in a real Chromium: slides, diagrams, no errors, no other origins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { buildAndServe, launchBrowser, openDeck, type PageLog, type Served } from '../../helpers/deckPage.ts';
import { DeckError } from '../../../src/deck/model.ts';
import { formatProblem } from '../../../src/shared/problem.ts';

let browser: Browser;
let served: Served;
let page: Page;
let log: PageLog;

beforeAll(async () => {
  browser = await launchBrowser();
  served = await buildAndServe('tests/fixtures/basic');
  ({ page, log } = await openDeck(browser, served.url));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('built fixture deck', () => {
  it('is ready and shows every slide', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.deck)).toBe('ready');
    // On screen the first slide is marked shown (before its diagrams are drawn).
    expect(await page.evaluate(() => document.documentElement.dataset.deckShown)).toBe('');
    const total = await page.evaluate(() => document.querySelectorAll('.reveal .slides section[data-file]').length);
    expect(total).toBe(served.build.deck.slides.length);
    expect(total).toBe(5);
  });

  it('uses relative paths (it is served from a sub-folder here)', async () => {
    expect(served.url).toMatch(/\/deck\/$/);
    const html = await page.content();
    expect(html).not.toMatch(/(src|href)="\/assets/);
  });

  it('sets the language and title from front matter', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.title()).toBe('测试幻灯片');
  });

  it('draws the Mermaid diagram as an SVG with its labels', async () => {
    const text = await page.evaluate(() => document.querySelector('figure.mermaid-diagram svg')?.textContent ?? '');
    expect(text).toContain('基础研究');
    expect(text).toContain('试验发展');
  });

  it('keeps speaker notes out of the slide and in the notes', async () => {
    const notes = await page.evaluate(() => document.querySelector('#slide-3 aside.notes')?.textContent ?? '');
    expect(notes).toContain('第三张的备注');
  });

  it('preloads exactly the font files its @font-face rules use, and fetches each once', async () => {
    const { preloaded, faces } = await page.evaluate(() => ({
      preloaded: Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')).map((l) => l.href),
      faces: Array.from((document.getElementById('iur-font') as HTMLStyleElement).sheet?.cssRules ?? []).map(
        (r) => new URL(/url\("([^"]+)"\)/.exec((r as CSSFontFaceRule).style.getPropertyValue('src'))?.[1] ?? '', location.href).href,
      ),
    }));
    expect(faces).toHaveLength(2);
    expect(preloaded.sort()).toEqual(faces.sort());
    for (const url of faces) expect(log.requests.filter((u) => u === url)).toHaveLength(1);
  });

  it('logs no console errors', () => {
    expect(log.errors).toEqual([]);
  });

  it('makes no request to another origin', () => {
    const origin = new URL(served.url).origin;
    const foreign = log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(log.requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
  });
});

describe('a Mermaid diagram that does not parse', () => {
  it('fails the build with the file and the line inside the file', async () => {
    const failure = await buildAndServe('tests/fixtures/bad-mermaid').then(
      async (served) => {
        await served.close();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DeckError);
    const lines = (failure as DeckError).problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(
        /^tests\/fixtures\/bad-mermaid\/01-deck\.md:19: error: Mermaid diagram does not parse: unexpected “-->”; expected text/,
      ),
    ]);
  });
});
