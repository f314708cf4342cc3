// Test helpers: build a fixture deck, serve it with Vite's preview server on
// loopback, open it in a real Chromium, and read the page's state.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { Browser, Page } from 'puppeteer';
import { buildDeck, type BuildResult } from '../../src/build/buildDeck.ts';
import { launchBrowser } from '../../src/browser/launch.ts';

export interface Served {
  build: BuildResult;
  server: PreviewServer;
  /** Base URL ending in '/'. */
  url: string;
  close: () => Promise<void>;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `iur-${prefix}-`));
}

export async function serveDir(dir: string): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  return { server, url };
}

export async function buildAndServe(slidesDir: string, options: { single?: boolean } = {}): Promise<Served> {
  const out = await tempDir('dist');
  const build = await buildDeck({ slidesDir, outDir: path.join(out, 'deck'), single: options.single, quiet: true });
  const { server, url } = await serveDir(out);
  return {
    build,
    server,
    url: `${url}deck/`,
    close: async () => {
      await server.close();
      await rm(out, { recursive: true, force: true });
    },
  };
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
  await page.waitForFunction(() => document.documentElement.dataset.deck !== 'loading', { timeout: 60_000 });
  return { page, log };
}

export { launchBrowser };
