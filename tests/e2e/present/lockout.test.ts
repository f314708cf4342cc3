// The speaker is never locked out. A phone tab left open across a restart
// with new tokens retries the live channel with its dead cookie; that is not
// a token guess, so it never counts against the rate limit. Today's phone
// page asks once why its channel would not open, stops, and says so in
// Chinese; a page of an older version (here a client that behaves like it,
// retrying four times the rate limit inside one window) goes on retrying, and
// still the new QR code from that same address gets in at once (303). A
// valid cookie beside a junk one of the same name is taken. Wrong tokens
// still hit the limit, and the right token still gets in.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, CDPSession, Page } from 'puppeteer';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/launch.ts';
import { LIMIT } from '../../../src/present/rateLimit.ts';
import { openPhone } from '../../helpers/phonePage.ts';
import { get, LAN, sessionCookie, startPresent, type PresentRun } from '../../helpers/presentRun.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

const PORT = 5771;
const ARGS = ['--slides', 'tests/fixtures/remote', '--remote', '--host', LAN, '--port', String(PORT)];
const ORIGIN = `http://${LAN}:${PORT}`;

let run: PresentRun | undefined;
let browser: Browser;
let phone: Page;
let oldCookie: string;

/** One try of the live channel with these headers: the HTTP status of a refusal, or 101 when it opened. */
function tryChannel(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${LAN}:${PORT}/__iur/live`, { headers: { Origin: ORIGIN, ...headers } });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    ws.once('error', reject);
  });
}

/** Counts the WebSockets the page opens from now on (Chromium's own record of them). */
async function countSockets(page: Page): Promise<{ count: () => number; session: CDPSession }> {
  const session = await page.createCDPSession();
  await session.send('Network.enable');
  let n = 0;
  session.on('Network.webSocketCreated', () => n++);
  return { count: () => n, session };
}

beforeAll(async () => {
  [run, browser] = await Promise.all([startPresent(ARGS), launchBrowser()]);
  phone = await openPhone(browser, run.qrUrls[0]);
  oldCookie = await sessionCookie(run.qrUrls[0]);
  // The talk goes on with new tokens (one may have leaked): every session of before is refused.
  await run.stop();
  run = await startPresent([...ARGS, '--new-tokens'], { resume: true });
});

afterAll(async () => {
  await browser?.close();
  await run?.stop();
});

describe('a refused session', () => {
  it('the phone page stops retrying and says so in Chinese', async () => {
    await waitInPage(phone, 'the phone to say its session is refused', () => window.__iurPhone?.sessionRefused, {
      polling: 100,
      timeout: 15_000,
    });
    expect(await phone.$eval('#status', (el) => el.textContent)).toBe('会话已失效，请重新扫码');
    const sockets = await countSockets(phone);
    await sleep(6000);
    expect(sockets.count(), 'WebSockets opened in the 6 s after the refusal').toBe(0);
    await sockets.session.detach();
  });

  it('an old tab retrying far past the limit never locks the address out: the new QR code gets in at once', async () => {
    if (!run) throw new Error('no server');
    // The issue saw 429 after ten retries in 37 s. Four times the limit inside one window (rateLimit.ts)
    // shows the old cookie's retries are not counted as guesses, as two minutes of the phone's own
    // backoff would, without waiting them out.
    const statuses: number[] = [];
    for (let i = 0; i < 4 * LIMIT; i++) {
      statuses.push(await tryChannel({ Cookie: oldCookie }));
      // As the old page: a reload of its pictures now and then, with the same cookie.
      if (i % 5 === 0) statuses.push((await get(LAN, PORT, '/phone', { Cookie: oldCookie })).status);
      await sleep(100);
    }
    expect(statuses.length).toBeGreaterThan(4 * LIMIT);
    expect(new Set(statuses)).toEqual(new Set([401]));
    const scan = new URL(run.qrUrls[0]);
    const started = performance.now();
    const answer = await get(LAN, PORT, `${scan.pathname}${scan.search}`);
    expect(answer.status).toBe(303);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('cookies and tokens from one address', () => {
  it('a valid session cookie wins over a junk one of the same name, in either order', async () => {
    if (!run) throw new Error('no server');
    const valid = await sessionCookie(run.qrUrls[0]);
    const name = valid.split('=')[0];
    for (const cookie of [`${name}=junk; ${valid}`, `${valid}; ${name}=junk`, `${oldCookie}; ${valid}`]) {
      expect((await get(LAN, PORT, '/', { Cookie: cookie })).status, cookie).toBe(200);
      expect(await tryChannel({ Cookie: cookie }), cookie).toBe(101);
    }
  });

  it('wrong tokens are still limited (429), but the right token gets in even then', async () => {
    if (!run) throw new Error('no server');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await get(LAN, PORT, `/phone?token=guess${i}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const scan = new URL(run.qrUrls[0]);
    expect((await get(LAN, PORT, `${scan.pathname}${scan.search}`)).status).toBe(303);
    const follow = new URL(run.qrUrls[1]);
    expect((await get(LAN, PORT, `${follow.pathname}${follow.search}`)).status).toBe(303);
  });
});
