// Launches headless Chromium for export, check and tests, with the flags this
// closed network needs; keeps Chromium's sandbox unless running as root.
import puppeteer, { type Browser } from 'puppeteer';
import { findBrowser } from './findBrowser.ts';

export const BROWSER_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export async function launchBrowser(options: { executablePath?: string; timeout?: number } = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? findBrowser();
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: isRoot() ? ['--no-sandbox', ...BROWSER_ARGS] : BROWSER_ARGS,
    defaultViewport: { width: 1280, height: 720 },
    timeout: options.timeout ?? 30_000,
  });
}
