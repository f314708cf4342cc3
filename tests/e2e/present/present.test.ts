// End to end, presenting from a built deck served on loopback: the speaker
// view, the Chinese key help, reveal.js's tools (overview, search, zoom,
// fullscreen, slide number, progress), the part marker, projector sizes,
// touch and accessibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { AxePuppeteer } from '@axe-core/puppeteer';
import { buildAndServe, launchBrowser, openDeck, type PageLog, type Served } from '../../helpers/deckPage.ts';
import { openSpeakerView, speakerNotes, waitForPreviewOn, waitForSpeakerNotes, waitForTimerTick } from '../../helpers/speakerView.ts';
import { waitForElement, waitInPage } from '../../helpers/waitFor.ts';

let browser: Browser;
let served: Served;
let page: Page;
let log: PageLog;

beforeAll(async () => {
  browser = await launchBrowser();
  served = await buildAndServe('tests/fixtures/basic');
  ({ page, log } = await openDeck(browser, `${served.url}#/slide-2`));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const indices = (p: Page = page) => p.evaluate(() => window.Reveal?.getIndices());

async function goTo(h: number): Promise<void> {
  await page.evaluate((i) => window.Reveal?.slide(i, 0, 99), h);
}

describe('speaker view (S)', () => {
  it('shows the notes, a running timer and pacing, in Chinese, and follows the deck', async () => {
    expect((await indices())?.h).toBe(1);
    const view = await openSpeakerView(page);
    await waitForSpeakerNotes(view, '提纲的备注');
    const { before, after } = await waitForTimerTick(view);
    expect(after).not.toBe(before);
    expect(after.trim()).toMatch(/^\d\d:\d\d:\d\d$/);
    const labels = await view.evaluate(() => ({
      lang: document.documentElement.lang,
      upcoming: document.querySelector('#upcoming-slide .label')?.textContent,
      notes: document.querySelector('.speaker-controls-notes .label')?.textContent,
      pacingShown: document.querySelector<HTMLElement>('.speaker-controls-time .pacing')?.style.display !== 'none',
      pacingTitle: document.querySelector('.pacing-title')?.textContent,
      clock: document.querySelector('.clock-value')?.textContent,
      layout: document.querySelector('.speaker-layout-label')?.textContent,
      font: getComputedStyle(document.body).fontFamily.replace(/["']/g, ''),
      fontLoaded: document.fonts.check('18px "IUR Noto Sans SC"', '备注'),
    }));
    expect(labels).toMatchObject({
      lang: 'zh-CN',
      upcoming: '下一张',
      notes: '备注',
      pacingShown: true,
      layout: '布局：默认',
      fontLoaded: true,
    });
    expect(labels.font).toMatch(/^IUR Noto Sans SC/);
    expect(labels.pacingTitle).toContain('节奏');
    expect(labels.clock).toMatch(/^\d\d:\d\d$/);
    await waitForPreviewOn(view, 1);

    // Advance the main deck: the speaker view follows (notes and preview).
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    expect((await indices())?.h).toBe(2);
    await waitForSpeakerNotes(view, '第三张的备注');
    expect(await speakerNotes(view)).not.toContain('提纲的备注');
    await waitForPreviewOn(view, 2);
    await view.close();
  });
});

describe('keys and tools', () => {
  it('? shows the keys in Chinese, Esc closes it', async () => {
    await page.keyboard.down('Shift');
    await page.keyboard.press('?');
    await page.keyboard.up('Shift');
    await waitForElement(page, 'the key help (?)', '.r-overlay-help');
    const text = await page.evaluate(() => document.querySelector('.r-overlay-help')?.textContent ?? '');
    for (const want of ['快捷键', '演讲者视图', '总览', '搜索', '全屏', '放大']) expect(text).toContain(want);
    expect(text).not.toContain('Keyboard Shortcuts');
    // In the deck's font (its subset has these characters), not the system's.
    const family = await page.evaluate(() => getComputedStyle(document.querySelector('.r-overlay-help-content td')!).fontFamily);
    expect(family.replace(/["']/g, '')).toMatch(/^IUR Noto Sans SC/);
    const cdp = await page.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '.r-overlay-help-content tbody tr:nth-child(8) td:last-child',
    });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    expect(fonts.map((f) => f.familyName)).toEqual(['Noto Sans SC']);
    await page.keyboard.press('Escape');
    await waitInPage(page, 'the key help to close (Esc)', () => !document.querySelector('.r-overlay-help'));
  });

  it('O opens the overview and Esc closes it', async () => {
    await page.keyboard.press('o');
    expect(await page.evaluate(() => window.Reveal?.isOverview())).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.Reveal?.isOverview())).toBe(false);
  });

  it('Ctrl+Shift+F searches the slides (Chinese box)', async () => {
    await goTo(0);
    await page.keyboard.down('Control');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyF');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Control');
    await waitForElement(page, 'the search box', '.searchbox .searchinput', { visible: true });
    expect(await page.evaluate(() => document.querySelector('.searchinput')?.getAttribute('placeholder'))).toBe('搜索…');
    await page.keyboard.type('右栏文字');
    await page.keyboard.press('Enter');
    await waitInPage(page, 'the search to land on slide 5', () => window.Reveal?.getIndices().h === 4);
    await page.evaluate(() => (window.Reveal?.getPlugin('search') as unknown as { close(): void }).close());
  });

  it('Alt+click (Ctrl+click on Linux) zooms in and out', async () => {
    const modifier = (await page.evaluate(() => /Linux/.test(navigator.platform))) ? 'Control' : 'Alt';
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const box = await page.$eval('.reveal .slides > section.present h2, .reveal .slides > section.present p', (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    // reveal.js's zoom plugin marks <html> and scales <body> (its zoomLevel: 2).
    const zoom = () =>
      page.evaluate(() => ({ zoomed: document.documentElement.classList.contains('zoomed'), transform: document.body.style.transform }));
    const click = async () => {
      await page.keyboard.down(modifier);
      await page.mouse.click(box.x, box.y);
      await page.keyboard.up(modifier);
    };
    expect(await zoom()).toEqual({ zoomed: false, transform: '' });
    await click();
    await expect
      .poll(zoom, { message: `${modifier}+click: the slide zoomed in`, timeout: 30_000 })
      .toEqual({ zoomed: true, transform: expect.stringContaining('scale(2)') as string });
    await click();
    await expect
      .poll(zoom, { message: `${modifier}+click again: the slide zoomed out`, timeout: 30_000 })
      .toEqual({ zoomed: false, transform: '' });
  });

  it('F asks for fullscreen', async () => {
    const fullscreen = () => page.evaluate(() => document.fullscreenElement?.tagName ?? null);
    expect(await fullscreen()).toBeNull();
    await page.keyboard.press('f');
    // The whole page goes fullscreen (reveal.js: document.documentElement, the deck not being embedded).
    await expect.poll(fullscreen, { message: 'F: the page fullscreen', timeout: 5_000 }).toBe('HTML');
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(fullscreen, { message: 'the page out of fullscreen', timeout: 5_000 }).toBeNull();
  });

  it('shows the slide number and a progress bar that moves', async () => {
    await goTo(0);
    const first = await page.evaluate(() => ({
      number: document.querySelector('.reveal .slide-number')?.textContent?.replace(/\s+/g, ''),
      progress: document.querySelector<HTMLElement>('.reveal .progress span')?.style.transform,
      shown: getComputedStyle(document.querySelector('.reveal .progress') as Element).display !== 'none',
    }));
    await goTo(4);
    const last = await page.evaluate(() => ({
      number: document.querySelector('.reveal .slide-number')?.textContent?.replace(/\s+/g, ''),
      progress: document.querySelector<HTMLElement>('.reveal .progress span')?.style.transform,
    }));
    expect(first.number).toBe('1/5');
    expect(last.number).toBe('5/5');
    expect(first.shown).toBe(true);
    expect(first.progress).toBe('scaleX(0)');
    expect(last.progress).toBe('scaleX(1)');
  });

  it('marks the current part on every slide of a part with a marker, visibly', async () => {
    for (const h of [2, 3, 4]) {
      await goTo(h);
      const mark = await page.evaluate(() => {
        const el = window.Reveal?.getCurrentSlide().querySelector<HTMLElement>('footer.slide-footer .footer-part');
        if (!el) return null;
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return {
          text: el.textContent,
          w: r.width,
          h: r.height,
          visible: s.visibility === 'visible' && Number(s.opacity) > 0 && s.display !== 'none',
          inView: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
        };
      });
      expect(mark).toMatchObject({ text: '一', visible: true, inView: true });
      expect(mark?.w).toBeGreaterThan(0);
    }
  });

  it('Chinese names on reveal.js controls', async () => {
    const labels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.reveal .controls button')).map((b) => b.getAttribute('aria-label')),
    );
    expect(labels).toEqual(['上一张', '下一张', '上方一张', '下方一张']);
  });
});

describe('projectors and touch', () => {
  it('scales the 1280×720 slide to fit 1920×1080, 1280×720 and 1024×768', async () => {
    const p = await browser.newPage();
    try {
      for (const [width, height] of [
        [1920, 1080],
        [1280, 720],
        [1024, 768],
      ] as const) {
        await p.setViewport({ width, height });
        if (p.url() === 'about:blank') {
          await p.goto(`${served.url}#/slide-4`, { waitUntil: 'load' });
          await waitInPage(p, `the deck ready at ${width}×${height}`, () => document.documentElement.dataset.deck === 'ready', {
            timeout: 60_000,
          });
        }
        const want = Math.min(width / 1280, height / 720);
        await waitInPage(
          p,
          `the deck scaled by ${want.toFixed(3)} at ${width}×${height}`,
          (s: number) => Math.abs((window.Reveal?.getScale() ?? 0) - s) < 0.01,
          {},
          want,
        );
        const box = await p.evaluate(() => {
          const r = window.Reveal!.getCurrentSlide().getBoundingClientRect();
          const svg = window.Reveal!.getCurrentSlide().querySelector('svg')?.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, svgWidth: svg?.width ?? 0 };
        });
        expect(box.left).toBeGreaterThanOrEqual(-1);
        expect(box.top).toBeGreaterThanOrEqual(-1);
        expect(box.right).toBeLessThanOrEqual(width + 1);
        expect(box.bottom).toBeLessThanOrEqual(height + 1);
        expect(box.right - box.left).toBeCloseTo(1280 * want, -1);
        expect(box.svgWidth).toBeGreaterThan(100 * want);
      }
    } finally {
      await p.close();
    }
  });

  it('a swipe to the left goes to the next slide on a touch screen', async () => {
    const p = await browser.newPage();
    try {
      await p.setViewport({ width: 1280, height: 720, hasTouch: true, isMobile: false });
      await p.goto(`${served.url}#/slide-2`, { waitUntil: 'load' });
      await waitInPage(p, 'the deck ready on a touch screen', () => document.documentElement.dataset.deck === 'ready', { timeout: 60_000 });
      expect((await indices(p))?.h).toBe(1);
      await p.touchscreen.touchStart(900, 360);
      await p.touchscreen.touchMove(600, 360);
      await p.touchscreen.touchMove(300, 360);
      await p.touchscreen.touchEnd();
      await waitInPage(p, 'the swipe to turn to slide 3', () => window.Reveal?.getIndices().h === 2);
    } finally {
      await p.close();
    }
  });
});

describe('accessibility', () => {
  it('axe finds no serious or critical violation on any slide', async () => {
    const total = await page.evaluate(() => window.Reveal?.getTotalSlides() ?? 0);
    expect(total).toBe(5);
    const found: string[] = [];
    for (let i = 0; i < total; i++) {
      await page.evaluate((n) => {
        const deck = window.Reveal!;
        const { h, v } = deck.getIndices(deck.getSlides()[n]);
        deck.slide(h, v, 99);
      }, i);
      // Colour contrast is measured as shown: wait for the fade-in to end.
      await waitInPage(page, `slide ${i + 1} shown, its transitions over`, () => {
        const slide = window.Reveal!.getCurrentSlide();
        return getComputedStyle(slide).opacity === '1' && slide.getAnimations({ subtree: true }).every((a) => a.playState !== 'running');
      });
      const result = await new AxePuppeteer(page).analyze();
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical')
          found.push(`slide ${i + 1}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('logged no console errors through all of this', () => {
    expect(log.errors).toEqual([]);
  });
});
