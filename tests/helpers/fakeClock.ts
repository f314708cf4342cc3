// Test helper: a deck page whose clock stands still until the test moves it
// (Date.now replaced before the deck's scripts run), so a rehearsal's times
// are exact. Each page gets its own browser context: no shared localStorage.
import type { Browser, Page } from 'puppeteer';
import { waitInPage } from './waitFor.ts';

declare global {
  interface Window {
    __advanceClock?: (ms: number) => void;
  }
}

/** Date.now() stands still in the page until the test moves it. Runs in the page. */
function installFakeClock(): void {
  let now = Date.UTC(2021, 8, 17, 9, 0, 0);
  Date.now = () => now;
  window.__advanceClock = (ms: number) => {
    now += ms;
  };
}

/** Opens `url` in a new browser context under the fake clock and waits for the deck to be ready. */
export async function openUnderFakeClock(browser: Browser, url: string): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.evaluateOnNewDocument(installFakeClock);
  await page.goto(url, { waitUntil: 'load' });
  await waitInPage(page, 'the deck ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 60_000 });
  return page;
}

/** Moves the page's clock on by `seconds`. */
export const advance = (page: Page, seconds: number) => page.evaluate((ms: number) => window.__advanceClock?.(ms), seconds * 1000);
