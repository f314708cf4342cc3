// What the browser fetches to show slide 1 of a built deck: the built folder
// served on loopback (Vite's preview server, as export does), opened in a
// fresh headless Chromium context with the cache off; the sum of every
// response until the deck says it is ready (CDP Network events): bytes on the
// wire (encodedDataLength: the bytes on the wire from the loopback server, plus headers) and
// bytes decoded.
import type { Browser } from 'puppeteer';
import { serveDir } from '../builder/serveBuild.ts';

export interface PageBytes {
  requests: number;
  wireBytes: number;
  decodedBytes: number;
}

export async function bytesToFirstSlide(browser: Browser, distDir: string, timeoutMs: number): Promise<PageBytes> {
  const server = await serveDir(distDir);
  const url = server.url;
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let requests = 0;
    let wireBytes = 0;
    let decodedBytes = 0;
    cdp.on('Network.dataReceived', (e) => {
      decodedBytes += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      requests++;
      wireBytes += e.encodedDataLength;
    });
    await page.goto(`${url}index.html`, { waitUntil: 'load', timeout: timeoutMs });
    await page.waitForFunction(() => document.documentElement.dataset.deck !== 'loading', { timeout: timeoutMs, polling: 'mutation' });
    const state = await page.evaluate(() => document.documentElement.dataset.deck);
    if (state !== 'ready') throw new Error(`the built deck says "${state}"`);
    return { requests, wireBytes, decodedBytes };
  } finally {
    await context.close();
    await server.close();
  }
}
