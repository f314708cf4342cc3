// End to end: the pen, driven with Puppeteer's real mouse. Under the dev
// server: P, a stroke on slide 5 at step 0 and one at step 2, each shown from
// its step on; a stroke drawn in the speaker view's preview reaches the deck
// and the reverse; the dev server writes slides/annotations.json and a reload
// shows them again. A built deck starts from that file, keeps new strokes in
// localStorage across a reload and offers the file. `export --annotations`
// prints them as vector paths on their page (one page per step with
// --fragments); an export without the flag has none.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import type { Browser, Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndServe, type Served } from '../../helpers/deckPage.ts';
import { startDevDeck, type DevDeck } from '../../helpers/devDeck.ts';
import { openSpeakerView, waitForPreviewOn } from '../../helpers/speakerView.ts';
import type { Annotations } from '../../../src/shared/annotations.ts';
import { PDFDocument } from 'pdf-lib';
import JSZip from 'jszip';
import { convertToPdf, fontConfig } from '../../helpers/libreoffice.ts';
import { runExport } from '../../helpers/exportRun.ts';
import { movetoCount, pageContent } from '../../helpers/pdfContent.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

const SLIDE5 = '01-pen.md#第五张';

let deck: DevDeck;
let dir: string;
let slides: string;
let server: ViteDevServer;
let browser: Browser;

async function open(url: string): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(url, { waitUntil: 'load' });
  await waitInPage(
    page,
    'the deck and its pen ready',
    () => document.documentElement.dataset.deck === 'ready' && window.__iurPen?.ready === true,
    {
      timeout: 60_000,
    },
  );
  return page;
}

async function goTo(page: Page | Frame, h: number, f: number): Promise<void> {
  await page.evaluate((hh: number, ff: number) => window.Reveal?.slide(hh, 0, ff), h, f);
  await waitInPage(
    page,
    `the deck on slide ${h + 1}, step ${f + 1}`,
    (hh: number, ff: number) => window.Reveal?.getIndices().h === hh && (window.Reveal?.getIndices().f ?? -1) === ff,
    { timeout: 10_000 },
    h,
    f,
  );
}

/** Paths drawn on the slide shown (the pen's layer), not counting a stroke in progress. */
const shownStrokes = (page: Page | Frame) => page.evaluate(() => document.querySelectorAll('svg.iur-pen-layer path:not(.drawing)').length);

/** Where slide point (x, y) is in the page's viewport. */
async function screenPoint(frame: Page | Frame, x: number, y: number): Promise<{ x: number; y: number }> {
  return frame.evaluate(
    (sx: number, sy: number) => {
      const box = document.querySelector('svg.iur-pen-layer')?.getBoundingClientRect();
      if (!box) throw new Error('no pen layer');
      return { x: box.left + (sx * box.width) / 1280, y: box.top + (sy * box.height) / 720 };
    },
    x,
    y,
  );
}

/** A stroke with the real mouse from slide point a to b; `offset` places a frame inside its page. */
async function draw(page: Page, frame: Page | Frame, a: [number, number], b: [number, number], offset = { x: 0, y: 0 }): Promise<void> {
  const from = await screenPoint(frame, ...a);
  const to = await screenPoint(frame, ...b);
  await page.mouse.move(from.x + offset.x, from.y + offset.y);
  await page.mouse.down();
  await page.mouse.move(to.x + offset.x, to.y + offset.y, { steps: 12 });
  await page.mouse.up();
}

const strokesOf = (page: Page | Frame) => page.evaluate((id: string) => window.__iurPen?.drawings().slides[id] ?? [], SLIDE5);

async function fileOnDisk(): Promise<Annotations> {
  return JSON.parse(await readFile(path.join(slides, 'annotations.json'), 'utf8')) as Annotations;
}

beforeAll(async () => {
  deck = await startDevDeck('pen', 'tests/fixtures/pen');
  ({ dir, slides, server, browser } = deck);
});

afterAll(() => deck?.stop());

describe('the pen under the dev server', () => {
  let url: string;
  let page: Page;

  it('P, then strokes at step 0 and step 2 of slide 5: each shows from its step on, and slides/annotations.json keeps them', async () => {
    url = server.resolvedUrls?.local[0] ?? '';
    page = await open(url);
    await goTo(page, 4, -1);
    await page.keyboard.press('p');
    expect(await page.evaluate(() => window.__iurPen?.on())).toBe(true);
    await draw(page, page, [300, 300], [700, 350]);
    await waitInPage(page, 'the first stroke drawn', () => document.querySelectorAll('svg.iur-pen-layer path').length === 1);
    await goTo(page, 4, 1); // two fragments shown: step 2
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('.iur-pen-toolbar button[data-tool="highlighter"]')?.click());
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('.iur-pen-toolbar button[data-color="1"]')?.click());
    await draw(page, page, [200, 500], [900, 500]);
    await waitInPage(
      page,
      'both strokes saved',
      () => window.__iurPen?.saved?.state === 'saved' && (window.__iurPen?.drawings().slides['01-pen.md#第五张']?.length ?? 0) === 2,
      { timeout: 10_000 },
    );

    const strokes = await strokesOf(page);
    expect(strokes.map((s) => [s.step, s.tool, s.color])).toEqual([
      [0, 'pen', '#a3302b'],
      [2, 'highlighter', '#1b3d6e'],
    ]);
    expect(await shownStrokes(page)).toBe(2);
    await goTo(page, 4, 0); // step 1: only the step-0 stroke
    expect(await shownStrokes(page)).toBe(1);
    await goTo(page, 4, -1);
    expect(await shownStrokes(page)).toBe(1);
    await goTo(page, 4, 2); // step 3: both
    expect(await shownStrokes(page)).toBe(2);
    await goTo(page, 3, -1); // another slide: none
    expect(await shownStrokes(page)).toBe(0);

    const file = await fileOnDisk();
    expect(Object.keys(file.slides)).toEqual([SLIDE5]);
    expect(file.slides[SLIDE5].map((s) => s.step)).toEqual([0, 2]);
    expect(file.slides[SLIDE5][0].points.length).toBeGreaterThan(5);
    // The Markdown is untouched.
    expect(await readFile(path.join(slides, '01-pen.md'), 'utf8')).toBe(await readFile('tests/fixtures/pen/01-pen.md', 'utf8'));
  });

  it('a stroke drawn in the speaker view shows in the deck at once, and one drawn in the deck shows in the speaker view', async () => {
    await goTo(page, 4, 1);
    const view = await openSpeakerView(page);
    await waitForPreviewOn(view, 4);
    const frame = view.frames().find((f) => /[?&]receiver\b.*postMessageEvents=true/.test(f.url()));
    if (!frame) throw new Error('no current-slide preview');
    // A preview that loaded after the deck's last move may miss it (its deck was still starting): move once more.
    await goTo(page, 4, 0);
    await goTo(page, 4, 1);
    await waitInPage(frame, "the speaker view's preview on step 2", () => window.Reveal?.getIndices().f === 1, {
      polling: 100,
      timeout: 30_000,
    });
    await waitInPage(
      frame,
      'both strokes in the preview',
      () => window.__iurPen?.ready === true && document.querySelectorAll('svg.iur-pen-layer path').length === 2,
      {
        polling: 100,
        timeout: 30_000,
      },
    );

    // P in the speaker view reaches its preview (the notes plugin forwards keys there).
    await view.bringToFront();
    await view.keyboard.press('p');
    await waitInPage(frame, "the preview's pen on", () => window.__iurPen?.on() === true, { polling: 100, timeout: 10_000 });
    const box = await view.evaluate(() => {
      const r = document.querySelector('#current-slide iframe')?.getBoundingClientRect();
      return r ? { x: r.left, y: r.top } : { x: 0, y: 0 };
    });
    await draw(view, frame, [600, 150], [1000, 200], box);
    await waitInPage(
      page,
      'the stroke drawn in the speaker view, in the deck',
      () => (window.__iurPen?.drawings().slides['01-pen.md#第五张']?.length ?? 0) === 3,
      { timeout: 10_000 },
    );
    expect(await shownStrokes(page)).toBe(3);

    // The reverse: the deck draws, the speaker view's preview shows it.
    await page.bringToFront();
    await draw(page, page, [100, 650], [400, 600]);
    await waitInPage(
      frame,
      'the stroke drawn in the deck, in the speaker view',
      () => document.querySelectorAll('svg.iur-pen-layer path').length === 4,
      { polling: 100, timeout: 10_000 },
    );
    await waitInPage(page, 'the strokes saved', () => window.__iurPen?.saved?.state === 'saved', { timeout: 10_000 });
    await view.close();
    expect((await fileOnDisk()).slides[SLIDE5]).toHaveLength(4);
  });

  it('the endpoint refuses bad JSON, wrong types and an oversized body, and keeps the file', async () => {
    const before = await readFile(path.join(slides, 'annotations.json'), 'utf8');
    const post = (body: string, type = 'application/json') =>
      fetch(new URL('__iur/annotations', url), { method: 'POST', headers: { 'Content-Type': type }, body }).then(
        (r) => r.status,
        () => 'reset',
      );
    expect(await post('{"version": 1, "slides": {')).toBe(400);
    expect(
      await post(
        JSON.stringify({
          version: 1,
          slides: { [SLIDE5]: [{ id: 'x', tool: 'laser', color: '#000000', size: 6, step: 0, points: [[1, 1]] }] },
        }),
      ),
    ).toBe(400);
    expect(await post('{}', 'text/plain')).toBe(415);
    expect(await post(' '.repeat(9 * 1024 * 1024))).toBe(413);
    expect(await readFile(path.join(slides, 'annotations.json'), 'utf8')).toBe(before);
    expect((await readdir(slides)).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('keeps the drawings on screen when a save swaps the slides in place (live update)', async () => {
    await goTo(page, 4, 1);
    const version = await page.evaluate(() => Number(document.documentElement.dataset.deckVersion ?? 0));
    const source = path.join(slides, '01-pen.md');
    await writeFile(source, (await readFile(source, 'utf8')).replace('第六张的文字。', '第六张的文字，改过了。'));
    await waitInPage(
      page,
      'the live update after the save',
      (v: number) => Number(document.documentElement.dataset.deckVersion ?? 0) > v,
      { timeout: 30_000 },
      version,
    );
    await goTo(page, 4, 1);
    expect(await shownStrokes(page)).toBe(4);
    await writeFile(source, await readFile('tests/fixtures/pen/01-pen.md', 'utf8'));
    await waitInPage(
      page,
      'the live update after the second save',
      (v: number) => Number(document.documentElement.dataset.deckVersion ?? 0) > v + 1,
      { timeout: 30_000 },
      version,
    );
  });

  it('a reload shows the drawings again (read back from slides/annotations.json)', async () => {
    await page.reload({ waitUntil: 'load' });
    await waitInPage(
      page,
      'the reloaded deck and its pen ready',
      () => document.documentElement.dataset.deck === 'ready' && window.__iurPen?.ready === true,
      {
        timeout: 60_000,
      },
    );
    await goTo(page, 4, 1);
    await waitInPage(
      page,
      'the 4 strokes drawn again from slides/annotations.json',
      () => document.querySelectorAll('svg.iur-pen-layer path').length === 4,
      { timeout: 10_000 },
    );
    expect((await strokesOf(page)).map((s) => s.step)).toEqual([0, 2, 2, 2]);
    await page.browserContext().close();
  });
});

describe('the pen in a built deck', () => {
  let served: Served;

  beforeAll(async () => {
    served = await buildAndServe(slides);
  });

  afterAll(async () => {
    await served?.close();
  });

  it('starts from the file the build carried, keeps a new stroke in localStorage across a reload, and offers annotations.json', async () => {
    const page = await open(`${served.url}index.html`);
    await goTo(page, 4, 2);
    expect(await shownStrokes(page)).toBe(4);
    await page.keyboard.press('p');
    await draw(page, page, [500, 100], [800, 120]);
    await waitInPage(
      page,
      'the stroke kept in localStorage',
      () => window.__iurPen?.saved?.where === 'browser' && window.__iurPen.saved.state === 'saved',
      {
        timeout: 10_000,
      },
    );
    expect(await page.evaluate(() => document.querySelector('.iur-pen-toolbar .status a')?.textContent)).toBe('下载 annotations.json');
    await page.reload({ waitUntil: 'load' });
    await waitInPage(
      page,
      'the reloaded deck and its pen ready',
      () => document.documentElement.dataset.deck === 'ready' && window.__iurPen?.ready === true,
      {
        timeout: 60_000,
      },
    );
    await goTo(page, 4, 2);
    expect(await shownStrokes(page)).toBe(5);
    // The eraser takes the strokes it touches, only those.
    await page.keyboard.press('p');
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('.iur-pen-toolbar button[data-tool="eraser"]')?.click());
    await draw(page, page, [650, 60], [650, 160]);
    expect(await shownStrokes(page)).toBe(4);
    // 清除本页 clears this slide (and only this browser's copy).
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('.iur-pen-toolbar button[data-action="clear"]')?.click());
    expect(await shownStrokes(page)).toBe(0);
    await page.browserContext().close();
  });
});

describe('export --annotations', () => {
  const pdf = async (name: string, args: string[]): Promise<PDFDocument> => {
    const out = path.join(dir, `${name}.pdf`);
    const result = await runExport(['--slides', slides, '--out', out, ...args]);
    if (result.code !== 0) throw new Error(`export failed:\n${result.stderr}`);
    return PDFDocument.load(await readFile(out), { updateMetadata: false });
  };
  /** Subpaths (moveto operators) drawn on each page: every stroke is one filled outline. */
  const paths = (doc: PDFDocument) => Array.from({ length: doc.getPageCount() }, (_, i) => movetoCount(pageContent(doc, i)));

  it('draws the strokes as vector paths on their page, in their colours; without the flag there are none', async () => {
    const withPen = await pdf('with', ['--annotations']);
    const without = await pdf('without', []);
    expect(paths(without)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(paths(withPen)).toEqual([0, 0, 0, 0, 4, 0]);
    const page5 = pageContent(withPen, 4);
    expect(page5).toMatch(/\.6392 \.1882 \.1686 rg/); // #a3302b, the pen's first colour
    expect(page5).toMatch(/\.1059 \.2392 \.4314 rg/); // #1b3d6e, the highlighter's
    // Vector: the strokes are paths, not a picture.
    expect(page5).not.toMatch(/\/Im\d+ Do/);
  });

  it('with --fragments, each stroke from the step it was drawn at on', async () => {
    const doc = await pdf('fragments', ['--annotations', '--fragments']);
    // Slide 5 prints at steps 0, 1, 2, 3 (pages 5–8): one stroke at step 0, three more at step 2.
    expect(paths(doc)).toEqual([0, 0, 0, 0, 1, 1, 4, 4, 0]);
  });

  it('in PowerPoint, each stroke a freeform shape on its slide; none without the flag', async () => {
    const freeforms = async (name: string, args: string[]) => {
      const out = path.join(dir, `${name}.pptx`);
      const result = await runExport(['--slides', slides, '--out', out, ...args]);
      if (result.code !== 0) throw new Error(`export failed:\n${result.stderr}`);
      const zip = await JSZip.loadAsync(await readFile(out));
      return Promise.all(
        [1, 2, 3, 4, 5, 6].map(
          async (n) => ((await zip.file(`ppt/slides/slide${n}.xml`)?.async('string')) ?? '').match(/<a:custGeom>/g)?.length ?? 0,
        ),
      );
    };
    expect(await freeforms('with', ['--annotations'])).toEqual([0, 0, 0, 0, 4, 0]);
    expect(await freeforms('without', [])).toEqual([0, 0, 0, 0, 0, 0]);
    // A real client draws them: LibreOffice Impress's PDF of slide 5 has 4 more paths with them than without.
    const fonts = await fontConfig(dir, 'lo', 'Microsoft YaHei', 'Noto Sans SC');
    const lo = path.join(dir, 'lo');
    for (const name of ['with', 'without']) convertToPdf(path.join(dir, `${name}.pptx`), lo, fonts, path.join(dir, 'lo-profile'));
    const slide5 = async (name: string) =>
      movetoCount(pageContent(await PDFDocument.load(await readFile(path.join(lo, `${name}.pdf`))), 4));
    expect((await slide5('with')) - (await slide5('without'))).toBe(4);
  }, 240_000);

  it('in the handout too', async () => {
    const doc = await pdf('handout', ['--annotations', '--handout', '3']);
    // Slides 4–6 on page 2.
    expect(paths(doc)).toEqual([0, 4]);
  });
});
