// A restart of `present` continues the talk: a phone (Puppeteer, an emulated
// iPhone) drives the venue screen to slide 7, the server is killed with
// SIGKILL (a crash) and started again; the same phone page and the same venue
// screen come back on slide 7 by themselves, with no new scan. The talk is
// kept in a file of the project's cache, mode 0600. After Ctrl+C it goes on
// too; --fresh starts a new talk (new tokens: the phone is told its session
// is gone). The door still holds after each restart: no token,
// a wrong token, a foreign Host.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/launch.ts';
import { parseSavedTalk, talkFile } from '../../../src/present/talkStore.ts';
import { openPhone } from '../../helpers/phonePage.ts';
import { get, LAN, startPresent, type PresentRun } from '../../helpers/presentRun.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

const SLIDES = 'tests/fixtures/restart';
const PORT = 5766;
const ARGS = ['--slides', SLIDES, '--remote', '--host', LAN];

let run: PresentRun | undefined;
let browser: Browser;
let phone: Page;
let venue: Page;

const phoneAt = (page: Page) => page.evaluate(() => ({ h: window.__iurPhone?.state?.h, connected: window.__iurPhone?.connected }));
const venueAt = (page: Page) => page.evaluate(() => window.Reveal?.getIndices().h);

/** Waits until the phone and the venue screen both show slide `h` (0-based); resolves with the seconds it took. */
async function bothOn(h: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  await Promise.all([
    waitInPage(
      phone,
      `the phone on slide ${h + 1}`,
      (want: number) => window.__iurPhone?.connected && window.__iurPhone.state?.h === want,
      { polling: 50, timeout: timeoutMs },
      h,
    ),
    waitInPage(
      venue,
      `the venue screen on slide ${h + 1}`,
      (want: number) => window.__iurVenue?.connected && window.Reveal?.getIndices().h === want,
      { polling: 50, timeout: timeoutMs },
      h,
    ),
  ]).catch((error: Error) => {
    throw new Error(`waiting for the phone and the venue screen to show slide ${h + 1}: ${error.message}`);
  });
  return (performance.now() - started) / 1000;
}

/** Kills the server as a crash would (no clean-up of its own) and waits for it to be gone. */
async function crash(r: PresentRun): Promise<void> {
  const gone = new Promise((resolve) => r.child.once('exit', resolve));
  r.child.kill('SIGKILL');
  await gone;
}

beforeAll(async () => {
  [run, browser] = await Promise.all([startPresent([...ARGS, '--port', String(PORT)]), launchBrowser()]);
  venue = await browser.newPage();
  await venue.setViewport({ width: 1280, height: 720 });
  await venue.goto(`http://127.0.0.1:${PORT}/`);
  await waitInPage(
    venue,
    'the venue screen connected and following the talk',
    () => window.__iurVenue?.connected && window.__iurVenue.applied > 0,
    { polling: 100, timeout: 60_000 },
  );
  phone = await openPhone(browser, run.qrUrls[0]);
});

afterAll(async () => {
  await browser?.close();
  await run?.stop();
});

describe('present after a crash', () => {
  it('the phone drives the venue screen to slide 7', async () => {
    for (let i = 0; i < 6; i++) {
      await phone.click('#next');
      await waitInPage(
        phone,
        `the phone on slide ${i + 2}`,
        (want: number) => window.__iurPhone?.state?.h === want,
        { polling: 50, timeout: 10_000 },
        i + 1,
      );
    }
    await bothOn(6, 10_000);
    expect(await phone.$eval('#counter', (el) => el.textContent)).toBe('7 / 9');
  });

  it('keeps the talk in a file only its owner can read, with the current slide', async () => {
    const file = talkFile(SLIDES);
    await expect.poll(() => parseSavedTalk(readFileSync(file, 'utf8'))?.state?.h, { timeout: 5000 }).toBe(6);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o077).toBe(0);
  });

  it('killed with SIGKILL and started again: phone and venue screen on slide 7 within 3 s, no new scan', async () => {
    if (!run) throw new Error('no server');
    const urls = run.qrUrls;
    await crash(run);
    await waitInPage(phone, 'the phone to notice the server is gone', () => !window.__iurPhone?.connected, {
      polling: 50,
      timeout: 10_000,
    });
    expect(await phone.$eval('#status', (el) => el.textContent)).toBe('已断开 · 重连中…');
    // Started again as the speaker would: the same command, no --port (the kept talk's port).
    run = await startPresent(ARGS, { resume: true });
    expect(run.port).toBe(PORT);
    expect(run.output()).toMatch(/talk: the talk of today goes on at slide 7/);
    expect(run.qrUrls).toEqual(urls);
    const seconds = await bothOn(6, 3000);
    expect(seconds).toBeLessThan(3);
    expect(phone.url()).toBe(`http://${LAN}:${PORT}/phone`);
    expect(await phone.$eval('#status', (el) => el.textContent)).toBe('已连接');
    expect(await phone.evaluate(() => window.__iurPhone?.sessionRefused)).toBe(false);
  });

  it('the phone drives on after the restart, and the door still holds', async () => {
    if (!run) throw new Error('no server');
    await phone.click('#next');
    await bothOn(7, 10_000);
    expect((await get(LAN, PORT, '/')).status).toBe(401);
    expect((await get(LAN, PORT, '/phone?token=AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(401);
    const foreign = await get(LAN, PORT, '/', { Host: `evil.example:${PORT}` });
    expect(foreign.status).toBe(403);
    expect(foreign.body).not.toContain('正文');
  });

  it('after Ctrl+C it goes on too', async () => {
    if (!run) throw new Error('no server');
    await run.stop();
    run = await startPresent(ARGS, { resume: true });
    await bothOn(7, 3000);
    expect(await phoneAt(phone)).toEqual({ h: 7, connected: true });
  });

  it('--fresh starts a new talk: new tokens, and the phone says its session is gone', async () => {
    if (!run) throw new Error('no server');
    const old = run.qrUrls[0];
    await run.stop();
    run = await startPresent([...ARGS, '--fresh'], { resume: true });
    expect(run.output()).toMatch(/talk: a new talk \(--fresh\)/);
    expect(run.qrUrls[0]).not.toBe(old);
    await waitInPage(phone, 'the phone to say its session is refused', () => window.__iurPhone?.sessionRefused, {
      polling: 100,
      timeout: 10_000,
    });
    expect(await phone.$eval('#status', (el) => el.textContent)).toBe('会话已失效，请重新扫码');
    // The venue screen on loopback needs no token: it follows the new talk, from where it is.
    await waitInPage(venue, 'the venue screen to reconnect', () => window.__iurVenue?.connected, { polling: 100, timeout: 10_000 });
    expect(await venueAt(venue)).toBe(7);
    const rescanned = await openPhone(browser, run.qrUrls[0]);
    expect(await rescanned.$eval('#status', (el) => el.textContent)).toBe('已连接');
  });
});
