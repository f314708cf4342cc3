// End to end: a rehearsal driven with Puppeteer under a fake clock (Date.now
// frozen in the deck's page and moved on by the test). In dev, R in the
// speaker view starts and ends it; the dev server writes slides/rehearsal.json
// keyed by stable slide ids, fragment steps counted with their slide. The
// next build carries the times as data-timing into the speaker view's pacing;
// a built deck keeps a rehearsal in localStorage and offers the file; check
// reports it against the duration.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDeck } from '../../../src/deck/loadDeck.ts';
import { slideIds } from '../../../src/rehearsal/slideIds.ts';
import { checkCommand } from '../../../src/check/command.ts';
import { buildAndServe, type Served } from '../../helpers/deckPage.ts';
import { startDevDeck, type DevDeck } from '../../helpers/devDeck.ts';
import { advance, openUnderFakeClock } from '../../helpers/fakeClock.ts';
import { openSpeakerView } from '../../helpers/speakerView.ts';
import { waitForElement, waitInPage } from '../../helpers/waitFor.ts';

let deck: DevDeck;
let slides: string;
let server: ViteDevServer;
let browser: Browser;
let ids: string[];

const open = (url: string) => openUnderFakeClock(browser, url);

async function press(page: Page, key: 'ArrowRight' | 'ArrowLeft', at: { h: number; f?: number }): Promise<void> {
  await page.bringToFront();
  await page.keyboard.press(key);
  await waitInPage(
    page,
    `the deck on slide ${at.h + 1}${at.f === undefined ? '' : `, fragment ${at.f}`}`,
    (h: number, f: number | null) => {
      const i = window.Reveal?.getIndices();
      return i?.h === h && (f === null || i.f === f);
    },
    // Generous: on a 2-core machine the previews' own decks share this thread.
    { timeout: 30_000 },
    at.h,
    at.f ?? null,
  );
}

const panelText = (view: Page) => view.evaluate(() => document.querySelector('.iur-rehearsal')?.textContent ?? '');

beforeAll(async () => {
  deck = await startDevDeck('rehearsal', 'tests/fixtures/basic');
  ({ slides, server, browser } = deck);
  ids = slideIds((await loadDeck(slides)).deck.slides);
});

afterAll(() => deck?.stop());

describe('rehearsal in dev', () => {
  it('R in the speaker view times each slide, fragments included, and the dev server writes slides/rehearsal.json', async () => {
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('no dev server URL');
    const page = await open(url);
    const view = await openSpeakerView(page);
    await waitInPage(
      view,
      "the speaker view's rehearsal line (按 R 开始)",
      () => document.querySelector('.iur-rehearsal')?.textContent?.includes('按 R 开始'),
      { timeout: 10_000 },
    );

    await view.bringToFront();
    await view.keyboard.press('r');
    await waitInPage(page, 'the rehearsal to start', () => window.__iurRehearsal?.running === true, { timeout: 10_000 });
    await advance(page, 30); // slide 1
    await press(page, 'ArrowRight', { h: 1 });
    await advance(page, 45); // slide 2
    await press(page, 'ArrowRight', { h: 2, f: -1 });
    await advance(page, 10); // slide 3, before its fragments
    await press(page, 'ArrowRight', { h: 2, f: 0 });
    await advance(page, 10);
    await press(page, 'ArrowRight', { h: 2, f: 1 });
    await advance(page, 10);
    await press(page, 'ArrowRight', { h: 3 });
    await advance(page, 60); // slide 4
    await press(page, 'ArrowRight', { h: 4 });
    await advance(page, 15); // slide 5
    await press(page, 'ArrowLeft', { h: 3 });
    await advance(page, 5); // slide 4 again

    // The running total against the front matter's duration (10 minutes).
    await waitInPage(
      view,
      'the rehearsal line at 累计 3:05',
      () => document.querySelector('.iur-rehearsal')?.textContent?.includes('累计 3:05'),
      { timeout: 10_000 },
    );
    expect(await panelText(view)).toMatch(/^彩排中 · 本张 1:05 · 累计 3:05 \/ 计划 10:00$/);

    await view.bringToFront();
    await view.keyboard.press('r');
    await waitInPage(page, 'the rehearsal to be saved', () => window.__iurRehearsal?.outcome?.state === 'saved', { timeout: 10_000 });
    await waitInPage(
      view,
      'the rehearsal line to say 已保存到',
      () => document.querySelector('.iur-rehearsal')?.textContent?.includes('已保存到'),
      { timeout: 10_000 },
    );
    expect(await panelText(view)).toContain('rehearsal.json');

    const file = JSON.parse(await readFile(path.join(slides, 'rehearsal.json'), 'utf8')) as {
      version: number;
      recorded: string;
      slides: Record<string, number>;
    };
    expect(file.version).toBe(1);
    expect(file.recorded).toBe('2021-09-17T09:03:05.000Z');
    expect(ids.slice(0, 4)).toEqual(['01-intro.md#测试幻灯片', '01-intro.md#提纲', '02-body.md#第三张幻灯片', '02-body.md#流程图']);
    expect(ids[4]).toMatch(/^02-body\.md#[0-9a-f]{8}$/);
    expect(file.slides).toEqual({ [ids[0]]: 30, [ids[1]]: 45, [ids[2]]: 30, [ids[3]]: 65, [ids[4]]: 15 });
    // The Markdown is untouched, and the open deck paces by the new times at once.
    expect(await readFile(path.join(slides, '02-body.md'), 'utf8')).toBe(await readFile('tests/fixtures/basic/02-body.md', 'utf8'));
    expect(
      await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('section[data-slide-id]'), (s) => s.dataset.timing)),
    ).toEqual(['30', '45', '30', '65', '15']);
    await view.close();
    await page.browserContext().close();
  });
});

describe('the next build', () => {
  let served: Served;
  let page: Page;
  let view: Page;

  beforeAll(async () => {
    served = await buildAndServe(slides);
    page = await open(`${served.url}index.html`);
  });

  afterAll(async () => {
    await page?.browserContext().close();
    await served?.close();
  });

  it('paces each slide by its rehearsed time (data-timing, the speaker view’s pacing)', async () => {
    const attributes = await page.evaluate(() => window.Reveal?.getSlidesAttributes().map((a) => a['data-timing']));
    expect(attributes).toEqual(['30', '45', '30', '65', '15']);
    await page.bringToFront();
    view = await openSpeakerView(page);
    // Pacing of slide 1: its 30 s, less the second or two the speaker view has been open.
    // (It shows 00:00:00 until its first answer from the deck.)
    await waitInPage(
      view,
      "the speaker view's pacing of slide 1",
      () => {
        const el = document.querySelector<HTMLElement>('.speaker-controls-time .pacing');
        return el !== null && el.style.display !== 'none' && /[1-9]/.test(el.textContent ?? '');
      },
      { timeout: 10_000, polling: 100 },
    );
    const pacing = await view.evaluate(() => document.querySelector('.speaker-controls-time .pacing')?.textContent ?? '');
    const [, h, m, s] = /(\d+):(\d+):(\d+)/.exec(pacing) ?? [];
    const left = Number(h) * 3600 + Number(m) * 60 + Number(s);
    expect(left, pacing).toBeGreaterThan(20);
    expect(left, pacing).toBeLessThanOrEqual(30);
  });

  it('keeps a rehearsal of the built deck in localStorage and offers rehearsal.json to download', async () => {
    // The same speaker view (reveal.js reopens a closed one only once it notices).
    await page.bringToFront();
    await page.keyboard.press('r');
    await advance(page, 20);
    await press(page, 'ArrowRight', { h: 1 });
    await advance(page, 40);
    await page.keyboard.press('r');
    await waitInPage(page, 'the rehearsal kept in localStorage', () => window.__iurRehearsal?.outcome?.state === 'local', {
      timeout: 10_000,
    });
    const stored = await page.evaluate(() => localStorage.getItem(`iur-deck-rehearsal:${document.title}`));
    expect((JSON.parse(stored ?? '{}') as { slides?: unknown }).slides).toEqual({ [ids[0]]: 20, [ids[1]]: 40 });
    const link = await waitForElement(view, 'the rehearsal.json download link', '.iur-rehearsal a[download="rehearsal.json"]', {
      timeout: 10_000,
    });
    const href = (await link?.evaluate((a) => a.href)) ?? '';
    expect(href).toMatch(/^blob:/);
    const downloaded = await page.evaluate((u: string) => fetch(u).then((r) => r.text()), href);
    expect((JSON.parse(downloaded) as { slides?: unknown }).slides).toEqual({ [ids[0]]: 20, [ids[1]]: 40 });
    await view.close();
  });

  it('lists R in the key help, in Chinese', async () => {
    await page.bringToFront();
    await page.keyboard.down('Shift');
    await page.keyboard.press('?');
    await page.keyboard.up('Shift');
    await waitForElement(page, 'the key help table', '.r-overlay-help-content table');
    const rows = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.r-overlay-help-content tbody tr'), (tr) => tr.textContent),
    );
    expect(rows).toContain('R彩排计时：开始 ／ 结束');
  });
});

describe('npm run check', () => {
  it('reports the rehearsed total against the duration and the slowest slides', async () => {
    let out = '';
    const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
      out += `${parts.join(' ')}\n`;
    });
    try {
      await checkCommand(['--slides', slides]);
    } finally {
      log.mockRestore();
    }
    expect(out).toMatch(/^rehearsal: 3:05 rehearsed of 10:00 planned \(6:55 to spare\); 5 of 5 slides timed$/m);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('rehearsal: the 5 slowest slides:'));
    expect(at).toBeGreaterThan(-1);
    expect(
      lines.slice(at + 1, at + 6).map((l) =>
        l
          .trim()
          .split(/\s{2,}/)
          .slice(1),
      ),
    ).toEqual([
      ['1:05', '流程图'],
      ['0:45', '提纲'],
      ['0:30', '测试幻灯片'],
      ['0:30', '第三张幻灯片'],
      ['0:15', '(slide 5)'],
    ]);
  });
});
