// Test helper: a copy of a fixture's slides in a temporary folder, the Vite
// dev server over it (as `npm run dev` serves it) and a Chromium for its
// pages: the set-up of the end-to-end tests of the dev server's endpoints
// (rehearsal.json, annotations.json). stop() ends them and removes the copy.
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'puppeteer';
import { deckViteConfig } from '../../src/vite/config.ts';
import { launchBrowser, tempDir } from './deckPage.ts';

export interface DevDeck {
  /** The temporary folder; the slides are in its `slides/`. */
  dir: string;
  slides: string;
  server: ViteDevServer;
  browser: Browser;
  stop: () => Promise<void>;
}

/** Copies `fixture` (a slides folder) into a new temporary folder named for `name`, serves it in dev, launches a browser. */
export async function startDevDeck(name: string, fixture: string): Promise<DevDeck> {
  const dir = await tempDir(name);
  const slides = path.join(dir, 'slides');
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await cp(fixture, slides, { recursive: true });
    server = await createServer(deckViteConfig({ slidesDir: slides, port: 0, logLevel: 'silent', log: () => {} }));
    await server.listen();
    browser = await launchBrowser();
    return { dir, slides, server, browser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
