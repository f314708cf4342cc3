// `dev -- --remote`: the phone remote beside the dev server. The venue screen
// is the dev server's page on loopback; the phone, opened from the printed
// QR code, drives it through the same door as `present --remote`; a save
// still updates the deck, and the dev server's write endpoint (rehearsal) is
// not reachable from the LAN.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KnownDevices, type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/launch.ts';
import { tempDir } from '../../helpers/deckPage.ts';
import { get, LAN, startPresent, type PresentRun } from '../../helpers/presentRun.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

let run: PresentRun;
let browser: Browser;
let venue: Page;
let phone: Page;
let slides: string;

beforeAll(async () => {
  slides = path.join(await tempDir('remote-dev'), 'slides');
  await cp('tests/fixtures/remote', slides, { recursive: true });
  [run, browser] = await Promise.all([
    startPresent(['--slides', slides, '--remote', '--host', LAN, '--port', '5761'], { dev: true }),
    launchBrowser(),
  ]);
  venue = await browser.newPage();
  await venue.goto(`http://localhost:${run.port}/`);
  await waitInPage(
    venue,
    'the venue screen (the dev page) to connect and show the talk',
    () => window.__iurVenue?.connected && window.__iurVenue.applied > 0,
    { polling: 100, timeout: 90_000 },
  );
});

afterAll(async () => {
  await browser?.close();
  await run?.stop();
});

describe('dev -- --remote', () => {
  it('prints the remote and follow QR codes; nothing of the deck without a token', async () => {
    expect(run.qrUrls).toEqual([run.remoteUrl, run.followUrl]);
    expect(run.qrUrls[0]).toContain(`http://${LAN}:${run.port}/phone?token=`);
    for (const p of ['/', '/phone', '/src/client/main.ts', '/@vite/client', '/__iur/remote/venue.js']) {
      const answer = await get(LAN, run.port, p);
      expect(answer.status, p).toBe(401);
      expect(answer.body).not.toContain('机密');
    }
  });

  it('a tap on the phone turns the dev server page', async () => {
    phone = await browser.newPage();
    await phone.emulate(KnownDevices['iPhone 13']);
    await phone.goto(run.qrUrls[0]);
    await waitInPage(
      phone,
      'the phone to connect, on slide 1 of 4',
      () => window.__iurPhone?.connected && document.getElementById('counter')?.textContent === '1 / 4',
      {
        polling: 100,
        timeout: 90_000,
      },
    );
    expect(await phone.$eval('#notes', (n) => n.textContent)).toContain('第一张备注');
    await phone.tap('#next');
    await waitInPage(venue, 'the dev page on slide 2, turned by the phone', () => window.Reveal?.getIndices().h === 1, {
      polling: 100,
      timeout: 10_000,
    });
  });

  it('the dev server write endpoint is not reachable from the LAN', async () => {
    const cookie = (await phone.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const status = await fetch(`http://${LAN}:${run.port}/__iur/rehearsal`, {
      method: 'POST',
      headers: { Cookie: cookie },
      body: '{}',
    }).then((r) => r.status);
    expect(status).toBe(405);
  });

  it('a save still reaches the venue screen and the phone notes', async () => {
    const file = path.join(slides, '01-talk.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('第二张备注：', '第二张备注（改过）：'));
    await venue.bringToFront();
    // The dev page takes the save in place, still on slide 2.
    await expect
      .poll(() => venue.evaluate(() => ({ h: window.Reveal?.getIndices().h, notes: window.Reveal?.getSlideNotes() })), {
        message: "the save in the dev page: slide 2's new notes",
        interval: 100,
        timeout: 30_000,
      })
      .toEqual({ h: 1, notes: expect.stringContaining('第二张备注（改过）') as string });
    // The venue screen tells the phones; they load their pictures and notes again.
    await phone.bringToFront();
    await expect
      .poll(() => phone.$eval('#notes', (n) => n.textContent), {
        message: 'the save on the phone: the new notes',
        interval: 100,
        timeout: 30_000,
      })
      .toContain('第二张备注（改过）');
  });
});
