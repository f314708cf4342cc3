// The phone remote end to end: `present --remote` started as the speaker
// would, the venue screen on loopback, phones (emulated: touch, portrait)
// opened from the URL the printed QR code holds. A tap turns the venue
// screen; notes and pacing show; a second remote drives too; a reloaded
// venue screen and a phone back from offline land on the current slide; a
// follow link cannot drive.
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/launch.ts';
import { openPhone } from '../../helpers/phonePage.ts';
import { cuttableProxy, LAN, startPresent, type PresentRun } from '../../helpers/presentRun.ts';
import { waitForElement, waitInPage } from '../../helpers/waitFor.ts';

let run: PresentRun;
let browser: Browser;
let venue: Page;

const venueAt = (page: Page) => page.evaluate(() => window.Reveal?.getIndices());

async function openVenue(): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`http://127.0.0.1:${run.port}/`);
  await waitInPage(
    page,
    'the venue screen to connect and show the talk',
    () => window.__iurVenue?.connected && window.__iurVenue.applied > 0,
    { polling: 100, timeout: 60_000 },
  );
  return page;
}

const phoneText = (page: Page, id: string) => page.$eval(`#${id}`, (el) => el.textContent ?? '');

beforeAll(async () => {
  [run, browser] = await Promise.all([
    startPresent(['--slides', 'tests/fixtures/remote', '--remote', '--host', LAN, '--port', '5711']),
    launchBrowser(),
  ]);
  venue = await openVenue();
});

afterAll(async () => {
  await browser?.close();
  await run?.stop();
});

describe('present --remote with a phone', () => {
  it('prints a remote and a follow URL, each as a QR code that holds it', () => {
    expect(run.qrUrls).toHaveLength(2);
    expect(run.qrUrls[0]).toBe(run.remoteUrl);
    expect(run.qrUrls[1]).toBe(run.followUrl);
    expect(run.qrUrls[0]).toMatch(new RegExp(`^http://${LAN.replace(/\./g, '\\.')}:5711/phone\\?token=[A-Za-z0-9_-]{22,}$`));
    expect(run.qrUrls[0]).not.toBe(run.qrUrls[1]);
  });

  let phone: Page;

  it('opens the phone from the QR code, drops the token from the address bar, shows notes and pacing', async () => {
    phone = await openPhone(browser, run.qrUrls[0]);
    expect(phone.url()).toBe(`http://${LAN}:5711/phone`);
    expect(await phone.evaluate(() => document.body.dataset.role)).toBe('remote');
    expect(await phoneText(phone, 'status')).toBe('已连接');
    expect(await phoneText(phone, 'notes')).toContain('第一张备注：问候听众');
    // duration 10 min, slide 2 rehearsed at 90 s: the other three share 8:30, 2:50 each.
    expect(await phoneText(phone, 'pacing')).toMatch(/^本张剩余 2:(50|49)$/);
    expect(await phoneText(phone, 'counter')).toBe('1 / 4');
  });

  it('a tap on 下一页 moves the venue screen within 500 ms', async () => {
    await venue.evaluate(() => {
      const w = window as Window & { __movedAt?: number };
      window.Reveal?.on('slidechanged', () => (w.__movedAt ??= Date.now()));
    });
    await phone.evaluate(() => {
      const w = window as Window & { __tappedAt?: number };
      document.getElementById('next')?.addEventListener('click', () => (w.__tappedAt = Date.now()), { capture: true });
    });
    await phone.tap('#next');
    await waitInPage(venue, 'the venue screen on slide 2', () => window.Reveal?.getIndices().h === 1, { polling: 100, timeout: 10_000 });
    const tapped = await phone.evaluate(() => (window as Window & { __tappedAt?: number }).__tappedAt ?? 0);
    const moved = await venue.evaluate(() => (window as Window & { __movedAt?: number }).__movedAt ?? 0);
    expect(moved - tapped).toBeGreaterThanOrEqual(0);
    expect(moved - tapped).toBeLessThan(500);
    await waitInPage(
      phone,
      "the phone to show slide 2's notes",
      () => document.getElementById('notes')?.textContent?.includes('第二张备注'),
      { polling: 100 },
    );
    // The first tap also keeps the screen awake (plain HTTP: no Wake Lock API, nosleep.js's inline video).
    // (A machine with no network runs these tests on 127.0.0.2, which browsers count as secure.)
    if (!LAN.startsWith('127.')) {
      expect(await phone.evaluate(() => window.isSecureContext || 'wakeLock' in navigator)).toBe(false);
      await waitInPage(phone, 'the phone to keep its screen awake', () => document.body.classList.contains('awake'), {
        polling: 100,
        timeout: 10_000,
      });
    }
    expect(await phoneText(phone, 'pacing')).toMatch(/^本张剩余 /);
  });

  it('steps through fragments and swipes', async () => {
    const step = () => venueAt(venue).then((i) => ({ h: i?.h, f: i?.f }));
    const poll = (message: string) => expect.poll(step, { message, interval: 100, timeout: 30_000 });
    await phone.tap('#next');
    await poll("a tap on 下一页: slide 2's first fragment on the venue screen").toEqual({ h: 1, f: 0 });
    // A swipe to the left: the next step (second fragment).
    await phone.touchscreen.touchStart(300, 600);
    await phone.touchscreen.touchMove(200, 605);
    await phone.touchscreen.touchMove(80, 610);
    await phone.touchscreen.touchEnd();
    await poll("a swipe to the left: slide 2's second fragment on the venue screen").toEqual({ h: 1, f: 1 });
    await phone.tap('#prev');
    await poll("a tap on 上一页: back to slide 2's first fragment").toEqual({ h: 1, f: 0 });
  });

  it('two remotes both drive and both see each change; the venue keys drive too', async () => {
    const second = await openPhone(browser, run.qrUrls[0]);
    expect(await phoneText(second, 'counter')).toBe('2 / 4');
    await second.tap('#next');
    await waitInPage(venue, "the venue screen on slide 2's second fragment", () => window.Reveal?.getIndices().f === 1, { polling: 100 });
    await second.tap('#next');
    await waitInPage(venue, 'the venue screen on slide 3', () => window.Reveal?.getIndices().h === 2, { polling: 100 });
    await waitInPage(phone, 'the phone counter at 3 / 4', () => document.getElementById('counter')?.textContent === '3 / 4', {
      polling: 100,
    });
    expect(await phoneText(phone, 'notes')).toContain('机密备注丙');
    await phone.bringToFront();
    await phone.tap('#prev');
    await waitInPage(second, 'the second remote to see slide 2', () => window.__iurPhone?.state?.h === 1, { polling: 100 });
    await venue.bringToFront();
    await venue.keyboard.press('ArrowRight');
    await waitInPage(second, 'the second remote to see slide 3, turned by the venue keys', () => window.__iurPhone?.state?.h === 2, {
      polling: 100,
    });
    await second.close();
  });

  it('black screen and the slide list', async () => {
    await phone.bringToFront();
    await phone.tap('#black');
    await waitInPage(venue, 'the venue screen to go black', () => window.Reveal?.isPaused() === true, { polling: 100 });
    await waitInPage(phone, 'the phone button to read 取消黑屏', () => document.getElementById('black')?.textContent === '取消黑屏', {
      polling: 100,
    });
    await phone.tap('#black');
    await waitInPage(venue, 'the venue screen to come back from black', () => window.Reveal?.isPaused() === false, { polling: 100 });
    await phone.tap('#list');
    await waitForElement(phone, 'the slide list open, with its fourth slide', '#slides[open] #slide-list li:nth-child(4) button', {
      visible: true,
    });
    expect(await phone.$$eval('#slide-list button', (b) => b.map((x) => x.textContent))).toEqual(['第一张', '第二张', '第三张', '第四张']);
    await phone.tap('#slide-list li:nth-child(4) button');
    await waitInPage(venue, 'the venue screen on slide 4, chosen from the list', () => window.Reveal?.getIndices().h === 3, {
      polling: 100,
    });
    expect(await phone.$eval('#slides', (d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('a venue screen reloaded mid-talk comes back on the current slide', async () => {
    await venue.bringToFront();
    await venue.reload();
    await waitInPage(
      venue,
      'the reloaded venue screen to connect and show the talk',
      () => window.__iurVenue?.connected && window.__iurVenue.applied > 0,
      { polling: 100, timeout: 60_000 },
    );
    expect((await venueAt(venue))?.h).toBe(3);
  });

  it('a phone that loses the Wi-Fi says so, reconnects by itself and lands on the current slide', async () => {
    // Chromium's offline mode leaves an open WebSocket alone, as a phone leaving the network often does
    // too: the phone goes through a relay whose link is cut silently while the page is offline.
    const proxy = await cuttableProxy(LAN, run.port);
    try {
      const token = new URL(run.qrUrls[0]).searchParams.get('token') ?? '';
      const wanderer = await openPhone(browser, `http://${LAN}:${proxy.port}/phone?token=${token}`);
      await wanderer.setOfflineMode(true);
      proxy.cut();
      await waitInPage(
        wanderer,
        'the phone to say it is offline (已断开)',
        () => document.getElementById('status')?.textContent?.startsWith('已断开'),
        {
          polling: 100,
          timeout: 30_000,
        },
      );
      // Meanwhile the talk goes on from the laptop.
      await venue.bringToFront();
      await venue.keyboard.press('ArrowLeft');
      await waitInPage(venue, 'the venue screen on slide 3', () => window.Reveal?.getIndices().h === 2, { polling: 100 });
      await wanderer.bringToFront();
      proxy.restore();
      await wanderer.setOfflineMode(false);
      await waitInPage(wanderer, 'the phone to reconnect (已连接)', () => document.getElementById('status')?.textContent === '已连接', {
        polling: 100,
        timeout: 30_000,
      });
      await waitInPage(wanderer, 'the phone counter at 3 / 4', () => document.getElementById('counter')?.textContent === '3 / 4', {
        polling: 100,
      });
      expect(await phoneText(wanderer, 'notes')).toContain('机密备注丙');
      await wanderer.close();
    } finally {
      await proxy.close();
    }
  });

  it('a follow link shows the talk but cannot drive it', async () => {
    const follower = await openPhone(browser, run.qrUrls[1]);
    expect(await follower.evaluate(() => document.body.dataset.role)).toBe('follow');
    expect(await follower.$eval('#next', (b) => getComputedStyle(b).display === 'none' || (b as HTMLElement).offsetParent === null)).toBe(
      true,
    );
    // Even talking to the channel directly: refused by the server.
    const answer = await follower.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://${location.host}/__iur/live`);
          ws.onmessage = (e) => {
            const m = JSON.parse(String(e.data)) as { type: string; why?: string };
            if (m.type === 'hello') ws.send(JSON.stringify({ type: 'go', h: 0, v: 0, f: null }));
            if (m.type === 'refused') resolve(m.why ?? '');
          };
        }),
    );
    expect(answer).toMatch(/只读/);
    expect((await venueAt(venue))?.h).toBe(2);
    await venue.bringToFront();
    await venue.keyboard.press('ArrowRight');
    await waitInPage(follower, "the follow link's counter at 4 / 4", () => document.getElementById('counter')?.textContent === '4 / 4', {
      polling: 100,
    });
  });
});
