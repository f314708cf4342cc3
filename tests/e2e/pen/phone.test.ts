// The pen with the phone remote: `present --remote`, the venue screen on
// loopback and a phone (emulated, touch). The phone's 画笔 button turns the
// pen on in its picture of the current slide; a stroke drawn there with a
// finger reaches the venue screen, whose pen keeps it; a stroke drawn on the
// venue screen shows in the phone's picture; a follow link cannot draw.
import type { Browser, Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/launch.ts';
import { openPhone } from '../../helpers/phonePage.ts';
import { LAN, startPresent, type PresentRun } from '../../helpers/presentRun.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

let run: PresentRun;
let browser: Browser;
let venue: Page;
let phone: Page;

function currentFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.name() === 'current-frame' || /receiver/.test(f.url()));
  if (!frame) throw new Error('no current-slide picture');
  return frame;
}

const strokes = (page: Page | Frame) => page.evaluate(() => Object.values(window.__iurPen?.drawings().slides ?? {}).flat().length);
const shown = (page: Page | Frame) => page.evaluate(() => document.querySelectorAll('svg.iur-pen-layer path:not(.drawing)').length);

beforeAll(async () => {
  [run, browser] = await Promise.all([
    startPresent(['--slides', 'tests/fixtures/remote', '--remote', '--host', LAN, '--port', '5717']),
    launchBrowser(),
  ]);
  venue = await browser.newPage();
  await venue.setViewport({ width: 1280, height: 720 });
  await venue.goto(`http://127.0.0.1:${run.port}/`);
  await waitInPage(
    venue,
    'the venue screen connected, its pen ready',
    () => window.__iurVenue?.connected && window.__iurVenue.applied > 0 && window.__iurPen?.ready,
    {
      polling: 100,
      timeout: 60_000,
    },
  );
  phone = await openPhone(browser, run.qrUrls[0]);
  await waitInPage(currentFrame(phone), "the phone's picture of the slide, its pen ready", () => window.__iurPen?.ready === true, {
    polling: 100,
    timeout: 60_000,
  });
});

afterAll(async () => {
  await browser?.close();
  await run?.stop();
});

describe('the pen with the phone remote', () => {
  it('a finger stroke on the phone, after 画笔, shows on the venue screen and is kept there', async () => {
    await phone.tap('#pen');
    const frame = currentFrame(phone);
    expect(await frame.evaluate(() => window.__iurPen?.on())).toBe(true);
    const box = await phone.$eval('#current-frame', (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, scale: r.width / 1280 };
    });
    const at = (x: number, y: number) => ({ x: box.x + x * box.scale, y: box.y + y * box.scale });
    const a = at(300, 300);
    const b = at(700, 400);
    await phone.touchscreen.touchStart(a.x, a.y);
    for (let i = 1; i <= 8; i++) await phone.touchscreen.touchMove(a.x + ((b.x - a.x) * i) / 8, a.y + ((b.y - a.y) * i) / 8);
    await phone.touchscreen.touchEnd();
    await waitInPage(
      venue,
      "the phone's stroke on the venue screen",
      () => Object.values(window.__iurPen?.drawings().slides ?? {}).flat().length === 1,
      {
        polling: 100,
        timeout: 10_000,
      },
    );
    expect(await shown(venue)).toBe(1);
    // The venue's pen keeps it as its own (a built deck: in the browser, with the download).
    await waitInPage(venue, "the venue screen's save of the stroke", () => window.__iurPen?.saved?.state === 'saved', {
      polling: 100,
      timeout: 10_000,
    });
    // The phone's finger did not turn the slide.
    expect(await venue.evaluate(() => window.Reveal?.getIndices().h)).toBe(0);
  });

  it('a stroke drawn on the venue screen shows in the phone’s picture', async () => {
    await venue.bringToFront();
    await venue.keyboard.press('p');
    await venue.mouse.move(200, 600);
    await venue.mouse.down();
    await venue.mouse.move(600, 620, { steps: 8 });
    await venue.mouse.up();
    await waitInPage(
      currentFrame(phone),
      "the venue screen's stroke in the phone's picture",
      () => document.querySelectorAll('svg.iur-pen-layer path:not(.drawing)').length === 2,
      {
        polling: 100,
        timeout: 10_000,
      },
    );
    expect(await strokes(currentFrame(phone))).toBe(2);
    if (process.env.IUR_PEN_SHOTS) await phone.screenshot({ path: process.env.IUR_PEN_SHOTS });
  });

  it('a follow link cannot draw', async () => {
    const follower = await openPhone(browser, run.qrUrls[1]);
    const frame = currentFrame(follower);
    await waitInPage(frame, "the follow link's picture of the slide, its pen ready", () => window.__iurPen?.ready === true, {
      polling: 100,
      timeout: 60_000,
    });
    // No 画笔 button for a follower…
    expect(await follower.$eval('#pen', (el) => getComputedStyle(el).display === 'none' || (el as HTMLElement).offsetParent === null)).toBe(
      true,
    );
    // …and what its picture draws anyway (pen forced on) stays on the follower: its page sends nothing, the server would refuse it.
    await frame.evaluate(() => window.__iurPen?.toggle());
    await follower.evaluate(() => document.body.classList.add('pen-on'));
    const box = await follower.$eval('#current-frame', (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width };
    });
    await follower.touchscreen.touchStart(box.x + box.w * 0.2, box.y + 40);
    for (let i = 1; i <= 6; i++) await follower.touchscreen.touchMove(box.x + box.w * (0.2 + i * 0.08), box.y + 50);
    await follower.touchscreen.touchEnd();
    expect(await strokes(frame)).toBe(1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await strokes(venue)).toBe(2);
    await follower.close();
  });
});
