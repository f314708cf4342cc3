// End to end in dev: the speaker view (S) works from `npm run dev` too — its
// previews load the dev page with ?receiver, and it follows the deck.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser, Page } from 'puppeteer';
import { deckViteConfig } from '../../../src/vite/config.ts';
import { launchBrowser, openDeck } from '../../helpers/deckPage.ts';
import { openSpeakerView, waitForPreviewOn, waitForSpeakerNotes, waitForTimerTick } from '../../helpers/speakerView.ts';

let server: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await createServer({ ...deckViteConfig({ slidesDir: 'tests/fixtures/basic', port: 0, logLevel: 'silent', log: () => {} }) });
  await server.listen();
  browser = await launchBrowser();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('no dev server URL');
  ({ page } = await openDeck(browser, `${url}#/1`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('speaker view in dev', () => {
  it('shows the notes and a running timer, and follows the deck', async () => {
    expect(await page.evaluate(() => window.Reveal?.getIndices().h)).toBe(1);
    const view = await openSpeakerView(page);
    await waitForSpeakerNotes(view, '提纲的备注');
    const tick = await waitForTimerTick(view);
    expect(tick.after).not.toBe(tick.before);
    expect(await view.evaluate(() => document.querySelector('#upcoming-slide .label')?.textContent)).toBe('下一张');
    // The handshake completes once the preview has loaded the deck.
    await waitForPreviewOn(view, 1);
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await waitForSpeakerNotes(view, '第三张的备注');
    await waitForPreviewOn(view, 2);
    await view.close();
  });
});
