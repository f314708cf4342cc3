// A dev session for the benchmark: spawns `npm run dev -- --port P` on a free
// port, polls the server until it answers, opens the page in a browser context
// of its own and times, on Node's clock, the server answering, the first slide
// visible (<html data-deck-shown>) and every diagram drawn (<html
// data-deck="ready">). The dev figures (devBench.ts) and HMR (hmrBench.ts) run
// in it.
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';
import type { Browser, BrowserContext, Page } from 'puppeteer';
import { measureOffset, nodeNow, toNodeClock } from './pageClock.ts';
import { failureText, startTree, type Started } from './spawnTree.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls the URL until the server answers (any HTTP status). */
async function waitForServer(url: string, started: Started, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let exited = false;
  void started.exited.then(() => (exited = true));
  while (performance.now() < deadline) {
    if (exited)
      throw new Error(`npm run dev ended: ${failureText({ code: started.child.exitCode, timedOut: false, ...started.output() })}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await sleep(20);
    }
  }
  throw new Error(`npm run dev did not answer on ${url} within ${timeoutMs} ms`);
}

// Injected before the page's own scripts: records (page clock) when the deck
// turns ready, and the next animation frame; and when a deck update arrives
// on Vite's WebSocket. A string: tsx's __name() helper
// must not end up in the page.
const WATCH_READY = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  // When Vite's socket delivers a deck update (before the client handles it).
  const Native = window.WebSocket;
  window.__benchWs = 0;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data === 'string' && e.data.includes('"iur:deck"')) window.__benchWs = now();
      });
    }
  };
  const rec = (window.__benchReady = { ready: 0, paint: 0, state: '', shown: 0, shownPaint: 0 });
  new MutationObserver(() => {
    const html = document.documentElement;
    if (!html) return;
    if (!rec.shown && html.dataset.deckShown !== undefined) {
      rec.shown = now();
      requestAnimationFrame(() => { rec.shownPaint = now(); });
    }
    const state = html.dataset.deck;
    if (rec.ready || (state !== 'ready' && state !== 'error')) return;
    rec.ready = now();
    rec.state = state;
    requestAnimationFrame(() => { rec.paint = now(); });
  }).observe(document, { attributes: true, attributeFilter: ['data-deck', 'data-deck-shown'], subtree: true });
})()`;

interface ReadyRecord {
  ready: number;
  paint: number;
  state: string;
  /** <html data-deck-shown>: the first slide on screen, diagrams perhaps still drawing. */
  shown: number;
  shownPaint: number;
}

export interface DevSession {
  started: Started;
  context: BrowserContext;
  page: Page;
  url: string;
  /** Spawn → server answering, spawn → first slide visible, spawn → every diagram drawn, in ms. */
  serverMs: number;
  startMs: number;
  readyMs: number;
  close: () => Promise<void>;
}

export async function startDevSession(projectRoot: string, slidesDir: string, browser: Browser, timeoutMs: number): Promise<DevSession> {
  const port = await freePort();
  const url = `http://localhost:${port}/`;
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.evaluateOnNewDocument('globalThis.__name ??= (f) => f');
  await page.evaluateOnNewDocument(WATCH_READY);
  const spawnedAt = nodeNow();
  const started = startTree('npm', ['run', 'dev', '--', '--slides', slidesDir, '--port', String(port)], {
    cwd: projectRoot,
    sampleMs: 250,
  });
  const close = async () => {
    await context.close().catch(() => {});
    await started.stop();
  };
  try {
    await waitForServer(url, started, timeoutMs);
    const serverAt = nodeNow();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await page.waitForFunction('window.__benchReady && window.__benchReady.paint > 0', { timeout: timeoutMs, polling: 50 });
    const rec = (await page.evaluate('window.__benchReady')) as ReadyRecord;
    if (rec.state !== 'ready') throw new Error(`the dev page says "${rec.state}"`);
    const clock = await measureOffset(page);
    const readyMs = toNodeClock(rec.paint, clock) - spawnedAt;
    // A page that never marks itself shown (an older client) shows at ready.
    const startMs = rec.shownPaint ? toNodeClock(rec.shownPaint, clock) - spawnedAt : readyMs;
    return { started, context, page, url, serverMs: serverAt - spawnedAt, startMs, readyMs, close };
  } catch (error) {
    await close();
    throw error;
  }
}
