// Test helpers for the speaker view: press S on the deck, catch the window
// reveal.js's notes plugin opens, and read it. Its previews load the deck
// again, so waiting for them takes as long as a deck load.
import type { Page } from 'puppeteer';
import { waitInPage } from './waitFor.ts';

/** Polling by interval: a background popup gets no animation frames. */
const POLL = { polling: 100, timeout: 30_000 } as const;

export async function openSpeakerView(page: Page): Promise<Page> {
  const popup = new Promise<Page>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no speaker view window opened')), 10_000);
    page.once('popup', (p) => {
      clearTimeout(timer);
      if (p) resolve(p);
      else reject(new Error('popup without a page'));
    });
  });
  await page.keyboard.press('s');
  const view = await popup;
  // Connected: the plugin hides its "loading" status once the main window answers.
  await waitInPage(
    view,
    'the speaker view connected to the deck',
    () => document.getElementById('connection-status')?.style.display === 'none',
    POLL,
  );
  await waitForPreviewsReady(view);
  return view;
}

/**
 * Both previews (the current and the upcoming slide, each the deck again in
 * an iframe) have drawn their diagrams. They share the deck page's thread:
 * until they are done, a key pressed on the deck may wait seconds on a busy
 * machine, so a test that times the deck's answer starts after them.
 */
async function waitForPreviewsReady(view: Page): Promise<void> {
  await pollPreviews(
    async () => {
      const previews = view.frames().filter((f) => /[?&]receiver\b/.test(f.url()));
      return Promise.all(previews.map((f) => f.evaluate(() => document.documentElement.dataset.deck ?? 'loading').catch(() => 'loading')));
    },
    (states) => states.length >= 2 && states.every((s) => s !== 'loading'),
    (states) => `the speaker view's previews are not ready (${states.join(', ') || 'none'})`,
  );
}

/** Reads the previews every 100 ms until `done` says yes, or fails with `why` of the last reading after POLL.timeout (the frames are the popup's, not one page's, so waitInPage cannot watch them). */
async function pollPreviews<T>(read: () => Promise<T>, done: (value: T) => boolean, why: (value: T) => string): Promise<void> {
  const deadline = Date.now() + POLL.timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return;
    if (Date.now() > deadline) throw new Error(why(value));
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function speakerNotes(view: Page): Promise<string> {
  return view.evaluate(() => document.querySelector('.speaker-controls-notes:not(.hidden) .value')?.textContent?.trim() ?? '');
}

export async function waitForSpeakerNotes(view: Page, text: string): Promise<void> {
  await waitInPage(
    view,
    `the speaker notes to show ${text}`,
    (t: string) => document.querySelector('.speaker-controls-notes:not(.hidden) .value')?.textContent?.includes(t) === true,
    POLL,
    text,
  );
}

/** Waits until the elapsed-time display changes, i.e. the timer runs. */
export async function waitForTimerTick(view: Page): Promise<{ before: string; after: string }> {
  const before = await view.evaluate(() => document.querySelector('.speaker-controls-time .timer')?.textContent ?? '');
  await waitInPage(
    view,
    'the timer to tick',
    (b: string) => (document.querySelector('.speaker-controls-time .timer')?.textContent ?? '') !== b,
    POLL,
    before,
  );
  const after = await view.evaluate(() => document.querySelector('.speaker-controls-time .timer')?.textContent ?? '');
  return { before, after };
}

/** The current-slide preview (an iframe of the deck, ?receiver) is ready and on slide h. */
export async function waitForPreviewOn(view: Page, h: number): Promise<void> {
  await pollPreviews(
    async () => {
      const frame = view.frames().find((f) => /[?&]receiver\b.*postMessageEvents=true/.test(f.url()));
      return frame
        ?.evaluate(() => (document.documentElement.dataset.deck === 'ready' ? (window.Reveal?.getIndices().h ?? -1) : -1))
        .catch(() => -1);
    },
    (at) => at === h,
    (at) => `the speaker view's preview is not on slide ${h} (at ${String(at)})`,
  );
}
