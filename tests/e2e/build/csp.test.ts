// End to end: the built page's Content-Security-Policy blocks loads from
// other origins (a slip in a slide, a fetch) before any request leaves, and
// says so in the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer';
import { buildAndServe, launchBrowser } from '../../helpers/deckPage.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('Content-Security-Policy', () => {
  it('blocks an image and a fetch from another origin before any request leaves', async () => {
    const csp = await buildAndServe('tests/fixtures/present');
    const p = await browser.newPage();
    try {
      const foreign: string[] = [];
      const origin = new URL(csp.url).origin;
      await p.setRequestInterception(true);
      p.on('request', (r) => {
        const url = r.url();
        if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) void r.continue();
        else {
          foreign.push(url);
          void r.abort();
        }
      });
      const consoleErrors: string[] = [];
      p.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      await p.evaluateOnNewDocument(() => {
        const seen: string[] = [];
        (window as unknown as { __violations: string[] }).__violations = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
      });
      await p.goto(csp.url, { waitUntil: 'load' });
      await waitInPage(p, 'the deck ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 60_000 });
      const fetched = await p.evaluate(() =>
        fetch('https://example.invalid/data.json').then(
          () => 'loaded',
          (e: unknown) => String(e),
        ),
      );
      expect(fetched).toMatch(/TypeError/);
      await waitInPage(
        p,
        'two Content-Security-Policy violations reported',
        () => (window as unknown as { __violations: string[] }).__violations.length >= 2,
      );
      const violations = await p.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      expect(violations).toEqual(
        expect.arrayContaining(['img-src https://example.invalid/x.png', 'connect-src https://example.invalid/data.json']),
      );
      expect(consoleErrors.join('\n')).toMatch(/Content Security Policy/);
      expect(foreign).toEqual([]);
    } finally {
      await p.close();
      await csp.close();
    }
  });
});
