// End to end: the code fixture built as dist/ (served on loopback) and as the
// single file (opened from file://), each opened in a real Chromium with every
// request outside the deck's origin refused and counted: none is made; the
// code font and the KaTeX faces the formulas use come with the deck and are
// loaded; code is coloured, in the code font, never under 20 px; a step key
// lights the next lines. And the talk, which has neither, gets none of it.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/builder/buildDeck.ts';
import { buildAndServe, launchBrowser, tempDir, type Served } from '../../helpers/deckPage.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

let browser: Browser;
let served: Served;
let dir: string;
const opened: Record<'dist' | 'single', { page: Page; foreign: string[]; errors: string[] }> = {} as never;

async function open(url: string, own: (u: string) => boolean) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  const foreign: string[] = [];
  const errors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const u = r.url();
    if (own(u) || u.startsWith('data:') || u.startsWith('blob:')) void r.continue();
    else {
      foreign.push(u);
      void r.abort();
    }
  });
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  await page.goto(url, { waitUntil: 'load' });
  await waitInPage(page, 'the deck ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 60_000 });
  return { page, foreign, errors };
}

beforeAll(async () => {
  browser = await launchBrowser();
  served = await buildAndServe('tests/fixtures/code');
  const origin = new URL(served.url).origin;
  opened.dist = await open(served.url, (u) => u.startsWith(origin));
  dir = await tempDir('code-single');
  const single = await buildDeck({ slidesDir: 'tests/fixtures/code', outDir: path.join(dir, 'deck'), single: true, quiet: true });
  const fileUrl = pathToFileURL(single.indexHtml).href;
  opened.single = await open(fileUrl, (u) => u === fileUrl || u.startsWith(`${fileUrl}#`));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(['dist', 'single'] as const)('the code fixture as %s', (kind) => {
  it('asks for nothing outside the deck and has no error', () => {
    expect(opened[kind].foreign).toEqual([]);
    expect(opened[kind].errors).toEqual([]);
  });

  it('has the code font and the KaTeX faces its formulas use, loaded', async () => {
    const faces = await opened[kind].page.evaluate(() => {
      const out: string[] = [];
      document.fonts.forEach((f) => out.push(`${f.family.replace(/["']/g, '')} ${f.weight} ${f.style} ${f.status}`));
      return out.filter((f) => /JetBrains|KaTeX/.test(f)).sort();
    });
    expect(faces).toEqual([
      'IUR JetBrains Mono 400 normal loaded',
      'KaTeX_Main 400 normal loaded',
      'KaTeX_Math 400 italic loaded',
      'KaTeX_Size2 400 normal loaded',
      'KaTeX_Size3 400 normal loaded',
    ]);
  });

  it('shows code coloured, in the code font, at 20 px or more', async () => {
    const code = await opened[kind].page.evaluate(() => {
      const pre = document.querySelector('pre.code-numbered');
      const spans = Array.from(pre?.querySelectorAll('.code-line span[style]') ?? []);
      return {
        colours: new Set(spans.map((s) => getComputedStyle(s).color)).size,
        family: pre ? getComputedStyle(pre).fontFamily : '',
        size: pre ? parseFloat(getComputedStyle(pre).fontSize) : 0,
        rendered: document.fonts.check(`20px "IUR JetBrains Mono"`, 'export'),
      };
    });
    expect(code.colours).toBeGreaterThanOrEqual(4);
    expect(code.family).toMatch(/^"IUR JetBrains Mono"/);
    expect(code.size).toBeGreaterThanOrEqual(20);
    expect(code.rendered).toBe(true);
  });
});

describe('steps on screen', () => {
  it('lights the first line, then lines 2–3, then all, one key press each', async () => {
    const { page } = opened.dist;
    await page.evaluate(() => window.Reveal?.slide(2, 0, -1));
    const lit = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('section.present pre.code-marked .code-line')).map(
          (l) => Number(getComputedStyle(l).opacity) === 1,
        ),
      );
    const settle = () => new Promise((r) => setTimeout(r, 400));
    await settle();
    expect(await lit()).toEqual([true, false, false]);
    await page.keyboard.press('ArrowRight');
    await settle();
    expect(await lit()).toEqual([false, true, true]);
    await page.keyboard.press('ArrowRight');
    await settle();
    expect(await lit()).toEqual([true, true, true]);
    // Then the bullet after the code, still on the same slide.
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => window.Reveal?.getIndices().h)).toBe(2);
  });
});

describe('the talk, with neither code nor formulas', () => {
  it('ships no code font, no KaTeX and no style for them', async () => {
    // Its diagrams are checked by the build tests; here only what the build writes.
    const talk = await buildDeck({ slidesDir: 'slides', outDir: path.join(dir, 'talk'), quiet: true, verifyDiagrams: false });
    const html = await readFile(talk.indexHtml, 'utf8');
    expect(html).not.toContain('iur-code-math');
    expect(html).not.toMatch(/katex|JetBrains/i);
    const files = [...(await readdir(talk.outDir)), ...(await readdir(path.join(talk.outDir, 'assets')))];
    expect(files.filter((f) => /KaTeX|JetBrains|CODE-FONT|KATEX/.test(f))).toEqual([]);
    expect(talk.deck.codeText).toBeUndefined();
    expect(talk.deck.math).toBeUndefined();
  });
});
