// End to end: rehearsal saves in dev are merged and serialised. Two partial
// rehearsals leave the union of their times in slides/rehearsal.json; Shift+R
// (重新彩排) starts from empty; a page already open gets the new times as
// data-timing from the dev server, without a restart or a reload; 100 saves
// at once all succeed and the file is one whole JSON document throughout.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/deck/loadDeck.ts';
import { slideIds } from '../../../src/rehearsal/slideIds.ts';
import { startDevDeck, type DevDeck } from '../../helpers/devDeck.ts';
import { advance, openUnderFakeClock } from '../../helpers/fakeClock.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

let deck: DevDeck;
let slides: string;
let server: ViteDevServer;
let browser: Browser;
let ids: string[];
let url: string;

const open = () => openUnderFakeClock(browser, url);
const timings = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('section[data-slide-id]'), (s) => s.dataset.timing ?? null));
const stored = async () =>
  (JSON.parse(await readFile(path.join(slides, 'rehearsal.json'), 'utf8')) as { slides: Record<string, number> }).slides;

async function goTo(page: Page, h: number): Promise<void> {
  await page.evaluate((i: number) => window.Reveal?.slide(i, 0, -1), h);
  await waitInPage(page, `the deck on slide ${h + 1}`, (i: number) => window.Reveal?.getIndices().h === i, { timeout: 10_000 }, h);
}

/** One rehearsal in the deck's window: R (or Shift+R), `seconds[i]` on slide `from + i`, R. */
async function rehearse(page: Page, from: number, seconds: number[], fresh = false): Promise<void> {
  await page.bringToFront();
  await goTo(page, from);
  if (fresh) await page.keyboard.down('Shift');
  await page.keyboard.press(fresh ? 'R' : 'r');
  if (fresh) await page.keyboard.up('Shift');
  await waitInPage(page, 'the rehearsal to start', () => window.__iurRehearsal?.running === true, { timeout: 10_000 });
  for (let i = 0; i < seconds.length; i++) {
    if (i > 0) await goTo(page, from + i);
    await advance(page, seconds[i]);
  }
  await page.keyboard.press('r');
  await waitInPage(page, 'the rehearsal to be saved', () => window.__iurRehearsal?.outcome?.state === 'saved', { timeout: 20_000 });
}

beforeAll(async () => {
  deck = await startDevDeck('rehearsal-merge', 'tests/fixtures/basic');
  ({ slides, server, browser } = deck);
  ids = slideIds((await loadDeck(slides)).deck.slides);
  url = server.resolvedUrls?.local[0] ?? '';
});

afterAll(() => deck?.stop());

describe('rehearsal times merge', () => {
  it('two partial rehearsals leave the union; an open page gets the times without a reload', async () => {
    const watcher = await open();
    await watcher.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const speaker = await open();
    await rehearse(speaker, 0, [30, 45]);
    expect(await stored()).toEqual({ [ids[0]]: 30, [ids[1]]: 45 });
    await rehearse(speaker, 3, [60, 15]);
    expect(await stored()).toEqual({ [ids[0]]: 30, [ids[1]]: 45, [ids[3]]: 60, [ids[4]]: 15 });

    // The other window (its own browser context: no shared localStorage) was open all along:
    // the dev server pushed the saved times to it.
    await waitInPage(
      watcher,
      "the open page to get 4 slides' times (data-timing)",
      () => document.querySelectorAll('section[data-timing]').length === 4,
      { timeout: 20_000 },
    );
    expect(await timings(watcher)).toEqual(['30', '45', null, '60', '15']);
    expect(await watcher.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    // The rehearsing window keeps both rehearsals' times too.
    expect(await timings(speaker)).toEqual(['30', '45', null, '60', '15']);

    // 重新彩排 (Shift+R) starts from empty on purpose.
    await rehearse(speaker, 2, [20], true);
    expect(await stored()).toEqual({ [ids[2]]: 20 });
    expect(await timings(speaker)).toEqual([null, null, '20', null, null]);
    await waitInPage(
      watcher,
      'the open page to get the one time of the new rehearsal',
      () => document.querySelectorAll('section[data-timing]').length === 1,
      { timeout: 20_000 },
    );
    expect(await timings(watcher)).toEqual([null, null, '20', null, null]);
    await watcher.browserContext().close();
    await speaker.browserContext().close();
  });

  it('100 saves at once: every answer is 200, the file is whole JSON throughout, and no save is lost', async () => {
    const endpoint = new URL('/__iur/rehearsal', url).href;
    const file = path.join(slides, 'rehearsal.json');
    await writeFile(file, '{"version":1,"recorded":"2021-09-17T09:00:00.000Z","slides":{}}\n');
    let reading = true;
    const reads: string[] = [];
    const reader = (async () => {
      while (reading) {
        const text = await readFile(file, 'utf8');
        try {
          JSON.parse(text);
        } catch {
          reads.push(text);
        }
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            version: 1,
            recorded: new Date(Date.UTC(2021, 8, 17, 9, 0, i)).toISOString(),
            slides: { [`save-${i}`]: i + 1 },
          }),
        }).then(async (r) => ({ status: r.status, text: await r.text() })),
      ),
    );
    reading = false;
    await reader;
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(reads).toEqual([]);
    const saved = await stored();
    expect(Object.keys(saved)).toHaveLength(100);
    for (let i = 0; i < 100; i++) expect(saved[`save-${i}`]).toBe(i + 1);
    expect((await readdir(slides)).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('a rehearsal.json over 1 MB is refused with a clear message, never read into a build', async () => {
    const file = path.join(slides, 'rehearsal.json');
    await writeFile(
      file,
      JSON.stringify({ version: 1, recorded: '2021-09-17T09:00:00.000Z', slides: { big: 1, pad: 'x'.repeat(2 * 1024 * 1024) } }),
    );
    const result = await loadDeck(slides);
    const found = result.problems.map((p) => `${p.pos.file}:${p.level}:${p.message}`).join('\n');
    expect(found).toMatch(/rehearsal\.json:warning:the file is 2\.0 MB; a rehearsal file may be at most 1 MB/);
    const answer = await fetch(new URL('/__iur/rehearsal', url).href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 1, recorded: '2021-09-17T09:00:00.000Z', slides: { a: 1 } }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/2\.0 MB.*at most 1 MB/);
  });
});
