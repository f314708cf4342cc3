// The PowerPoint reader (src/client/slideData/) in a real Chromium, on the
// fixture deck's print view: what needs a layout — boxes inside the slide,
// pseudo-elements measured as shapes, the two columns apart, a diagram's
// labels as SVG text, the roles of title, footer, marker and number, the
// fragment steps as the print view has them — and
// the in-page rasteriser's PNG at the pictures' scale.
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PictureItem, SlideData, TextItem } from '../../../../src/shared/slideData.ts';
import { buildAndServe, launchBrowser, openDeck, type Served } from '../../../helpers/deckPage.ts';
import { waitInPage } from '../../../helpers/waitFor.ts';

let browser: Browser;
let served: Served;
let page: Page;
let slides: SlideData[];

const texts = (s: SlideData): TextItem[] => s.items.filter((i): i is TextItem => i.kind === 'text');
const textOf = (t: TextItem): string => t.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');

beforeAll(async () => {
  browser = await launchBrowser();
  served = await buildAndServe('tests/fixtures/basic');
  ({ page } = await openDeck(browser, `${served.url}?print-pdf`));
  await waitInPage(page, 'the print view ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 120_000 });
  slides = await page.evaluate(() => window.__iurDeck!.readSlides!({ keep: null, svgFonts: 'sans-serif' }));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('the PowerPoint reader in Chromium', () => {
  it('reads every slide once, with its layout, title and notes', () => {
    expect(slides.length).toBe(5);
    expect(slides[0].layout).toBe('title');
    expect(slides[2].layout).toBe('content');
    const title = texts(slides[2]).find((t) => t.role === 'title');
    expect(title && textOf(title)).toBe('第三张幻灯片');
    expect(slides[2].notes).toContain('第三张的备注');
  });

  it('keeps every box inside its slide', () => {
    for (const s of slides) {
      for (const item of s.items) {
        expect(item.box.x, s.key).toBeGreaterThanOrEqual(-1);
        expect(item.box.y, s.key).toBeGreaterThanOrEqual(-1);
        expect(item.box.x + item.box.w, s.key).toBeLessThanOrEqual(1281);
        expect(item.box.y + item.box.h, s.key).toBeLessThanOrEqual(721);
      }
    }
  });

  it('measures drawing pseudo-elements (the title rule) as shapes', () => {
    const rule = slides[2].items.find((i) => i.kind === 'shape' && i.tag === 'h2::after');
    expect(rule?.box.w).toBeGreaterThan(10);
    expect(rule?.box.h).toBeGreaterThan(0);
    // The copies that measured them are gone again.
    return expect(page.evaluate(() => document.querySelectorAll('iur-pseudo').length)).resolves.toBe(0);
  });

  it('reads a list as one block, its items as paragraphs with the deck squares', () => {
    const list = texts(slides[2]).find((t) => t.tag === 'ul');
    expect(list?.paragraphs.map((p) => [p.runs.map((r) => r.text).join(''), p.bullet?.char])).toEqual([
      ['第一点', '■'],
      ['第二点', '■'],
    ]);
  });

  it("reads each stepped item's fragment step, and how the deck's fragments come in (a fade, as reveal.js's)", () => {
    const list = texts(slides[2]).find((t) => t.tag === 'ul');
    expect(list?.paragraphs.map((p) => p.step)).toEqual([0, 1]);
    expect(slides[2].steps).toEqual([
      { effect: 'fade', duration: 200 },
      { effect: 'fade', duration: 200 },
    ]);
    // The rest of the slide is there from the start; a slide without fragments has no steps.
    expect(texts(slides[2]).filter((t) => t !== list && t.paragraphs.some((p) => p.step !== undefined))).toEqual([]);
    expect(slides[3].steps).toEqual([]);
  });

  it('tells the footer, its part marker and the slide number', () => {
    const roles = texts(slides[2]).map((t) => t.role);
    expect(roles).toContain('footer');
    expect(roles).toContain('marker');
    const number = texts(slides[2]).find((t) => t.role === 'number');
    expect(number && textOf(number)).toBe('3');
  });

  it('sets two columns apart, each as wide as its column', () => {
    const [left, right] = texts(slides[4]).filter((t) => t.role === undefined);
    expect(textOf(left)).toBe('左栏文字');
    expect(textOf(right)).toBe('右栏文字');
    expect(left.column!.x + left.column!.w).toBeLessThanOrEqual(right.column!.x);
    expect(left.column!.w).toBeGreaterThan(400);
  });

  it('writes a diagram as standalone SVG, its labels as SVG text', () => {
    const diagram = slides[3].items.find((i): i is PictureItem => i.kind === 'picture' && i.role === 'diagram');
    expect(diagram?.svg).toContain('<text');
    expect(diagram?.svg).toContain('基础研究');
    expect(diagram?.svg).not.toContain('foreignObject');
    expect(diagram?.line).toBeGreaterThan(0);
  });

  it('draws the pictures as PNG at their scale, in the page', async () => {
    const diagram = slides[3].items.find((i): i is PictureItem => i.kind === 'picture')!;
    const [png] = await page.evaluate(
      (svg: string, w: number, h: number) => window.__iurDeck!.rasterise!([{ svg, w, h }], 1.5),
      diagram.svg,
      diagram.box.w,
      diagram.box.h,
    );
    const bytes = Buffer.from(png, 'base64');
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(Math.round(diagram.box.w * 1.5));
    expect(bytes.length).toBeGreaterThan(2000);
  });
});
