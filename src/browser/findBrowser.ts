// Finds a Chrome/Chromium the way Puppeteer users expect: PUPPETEER_EXECUTABLE_PATH,
// then Puppeteer's own configuration (.puppeteerrc.cjs), then the usual places.
// Never downloads one.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer';

export class BrowserNotFoundError extends Error {
  constructor() {
    super(
      'No Chrome or Chromium found. Install one (Debian/Ubuntu: apt-get install -y chromium; ' +
        'or Google Chrome), or point PUPPETEER_EXECUTABLE_PATH at its executable.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

const KNOWN = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findBrowser(): string {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv !== undefined) {
    if (fromEnv && existsSync(fromEnv)) return fromEnv;
    throw new BrowserNotFoundError();
  }
  let configured: string | undefined;
  try {
    configured = puppeteer.executablePath();
  } catch {
    configured = undefined;
  }
  const found = [configured, ...KNOWN].find((p): p is string => Boolean(p) && existsSync(p as string));
  if (!found) throw new BrowserNotFoundError();
  return found;
}
