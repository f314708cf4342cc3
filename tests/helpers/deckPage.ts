// Test helpers: build a fixture deck, serve it on loopback (src/builder/staticServer.ts),
// loopback, open it in a real Chromium, and read the page's state.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { buildAndServe, serveDir, type ServedBuild } from '../../src/builder/serveBuild.ts';
import { launchBrowser } from '../../src/browser/launch.ts';
import { waitInPage } from './waitFor.ts';

export type Served = ServedBuild;

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `iur-${prefix}-`));
}

export interface PageLog {
  errors: string[];
  requests: string[];
}

export async function openDeck(browser: Browser, url: string): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage();
  const log: PageLog = { errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(e instanceof Error ? e.message : String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  await waitInPage(page, 'the deck to load', () => document.documentElement.dataset.deck !== 'loading', { timeout: 60_000 });
  return { page, log };
}

export { launchBrowser, buildAndServe, serveDir };
