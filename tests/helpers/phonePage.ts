// Test helper: the phone remote opened as a phone would (an emulated iPhone:
// touch, portrait) from a URL the QR code holds, waiting until it is
// connected and shows where the talk is.
import { KnownDevices, type Browser, type Page } from 'puppeteer';
import { waitInPage } from './waitFor.ts';

const PHONE = KnownDevices['iPhone 13'];

/** The phone page of `url`, connected, with the current slide's number shown. */
export async function openPhone(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.emulate(PHONE);
  await page.goto(url);
  await page.bringToFront();
  await waitInPage(
    page,
    'the phone connected, showing the talk',
    () =>
      window.__iurPhone?.connected && window.__iurPhone.state !== null && !/–/.test(document.getElementById('counter')?.textContent ?? '–'),
    { polling: 100, timeout: 60_000 },
  );
  return page;
}
