// End to end: Markdown pictures sized by the composition pass. The fixture deck
// (tests/fixtures/pictures) holds a 1200×800 photo with a caption, a 600×1600
// tall picture, an SVG under a line of text, a photo in a column, one by
// `/assets/…` from the project, one the author sized with {width=400}, and
// one on a centred slide (a layout the composition leaves: the theme keeps it in).
// Read from the element boxes of the print view (the PDF's layout): nothing
// past the body area, the aspect kept, centred in its room, and using it.
// Then the deck doctor: this deck is clean, and a missing picture is one message.
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndServe, launchBrowser, type Served } from '../../helpers/deckPage.ts';
import { runCheck } from '../../../src/check/runCheck.ts';
import { formatProblem } from '../../../src/shared/problem.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

interface PictureBoxes {
  title: string;
  img: Box;
  natural: { width: number; height: number };
  loaded: boolean;
  /** The box the picture is centred in: its column, or the slide's content box. */
  room: Box;
  /** The bottom of the body area (above the footer band), and the bottom of the picture's figure (caption included). */
  areaBottom: number;
  figureBottom: number;
  caption: string;
}

let browser: Browser;
let served: Served;
let page: Page;
let boxes: PictureBoxes[];

beforeAll(async () => {
  served = await buildAndServe('tests/fixtures/pictures');
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${served.url}?print-pdf`, { waitUntil: 'load' });
  await waitInPage(page, 'the print view ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 120_000 });
  boxes = await page.evaluate(() => {
    const rel = (r: DOMRect, s: DOMRect) => ({
      left: r.left - s.left,
      top: r.top - s.top,
      right: r.right - s.left,
      bottom: r.bottom - s.top,
      width: r.width,
      height: r.height,
    });
    return Array.from(document.querySelectorAll<HTMLImageElement>('section[data-file] figure.picture > img')).map((img) => {
      const section = img.closest('section[data-file]') as HTMLElement;
      const s = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      const column = img.closest('div.layout-column');
      const content = new DOMRect(
        s.left + parseFloat(style.paddingLeft),
        s.top + parseFloat(style.paddingTop),
        s.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        s.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom),
      );
      return {
        title: section.querySelector('h2')?.textContent ?? '',
        img: rel(img.getBoundingClientRect(), s),
        natural: { width: img.naturalWidth, height: img.naturalHeight },
        loaded: img.complete && img.naturalWidth > 0,
        room: rel(column ? column.getBoundingClientRect() : content, s),
        areaBottom: s.height - parseFloat(style.paddingBottom),
        figureBottom: rel((img.parentElement as HTMLElement).getBoundingClientRect(), s).bottom,
        caption: img.parentElement?.querySelector('figcaption')?.textContent ?? '',
      };
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const byTitle = (title: string) => {
  const found = boxes.find((b) => b.title === title);
  if (!found) throw new Error(`no picture on the slide «${title}» (found: ${boxes.map((b) => b.title).join(', ')})`);
  return found;
};

describe('pictures sized by the composition pass (element boxes, print view)', () => {
  it('finds the seven pictures, every one loaded', () => {
    expect(boxes.map((b) => b.title)).toEqual([
      '一张横幅照片',
      '一张竖长图片',
      '矢量图与说明文字',
      '分栏里的图片',
      '从项目的 assets 文件夹',
      '指定宽度',
      '居中页里的图片',
    ]);
    for (const b of boxes) expect(b.loaded, b.title).toBe(true);
  });

  it('no picture (caption included) reaches past the body area or out of its room', () => {
    for (const b of boxes) {
      expect(b.figureBottom, b.title).toBeLessThanOrEqual(b.areaBottom + 1);
      expect(b.img.left, b.title).toBeGreaterThanOrEqual(b.room.left - 1);
      expect(b.img.right, b.title).toBeLessThanOrEqual(b.room.right + 1);
      expect(b.img.top, b.title).toBeGreaterThanOrEqual(b.room.top - 1);
    }
  });

  it("keeps each picture's aspect", () => {
    for (const b of boxes) {
      const shown = b.img.width / b.img.height;
      const natural = b.natural.width / b.natural.height;
      expect(
        Math.abs(shown / natural - 1),
        `${b.title}: ${b.img.width}×${b.img.height} for ${b.natural.width}×${b.natural.height}`,
      ).toBeLessThan(0.02);
    }
  });

  it('centres each picture across its room (the slide, or its column)', () => {
    for (const b of boxes) {
      const centre = (b.img.left + b.img.right) / 2;
      const roomCentre = (b.room.left + b.room.right) / 2;
      expect(Math.abs(centre - roomCentre), b.title).toBeLessThanOrEqual(2);
    }
  });

  it('gives a large photo the room left under the title, not its own 800 px nor a thumbnail', () => {
    const photo = byTitle('一张横幅照片');
    expect(photo.caption).toBe('机房一角');
    // The caption sits under the picture, at the foot of the body area.
    expect(photo.figureBottom).toBeGreaterThan(photo.areaBottom - 12);
    expect(photo.img.height).toBeGreaterThan(380);
    const tall = byTitle('一张竖长图片');
    expect(tall.img.height).toBeGreaterThan(440);
    expect(tall.img.bottom).toBeGreaterThan(tall.areaBottom - 4);
  });

  it('lets an SVG under text take the height left', () => {
    const svg = byTitle('矢量图与说明文字');
    expect(svg.img.height).toBeGreaterThan(360);
    expect(svg.img.bottom).toBeGreaterThan(svg.areaBottom - 4);
  });

  it('fits a picture in a column to the column', () => {
    const col = byTitle('分栏里的图片');
    expect(col.room.width).toBeLessThan(700);
    expect(col.img.width).toBeGreaterThan(col.room.width - 2);
  });

  it('leaves a picture the author sized ({width=400}) at that width, centred', () => {
    expect(byTitle('指定宽度').img.width).toBe(400);
  });
});

describe('the deck doctor and pictures', () => {
  it('finds nothing wrong with the picture deck', async () => {
    const problems = await runCheck({ slidesDir: 'tests/fixtures/pictures' });
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('reports a missing picture once, at its line', async () => {
    const lines = (await runCheck({ slidesDir: 'tests/fixtures/bad/image' })).map(formatProblem).filter((l) => /missing\.png/.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^tests\/fixtures\/bad\/image\/01-deck\.md:3: error: image not found: images\/missing\.png/),
    ]);
  });
});
