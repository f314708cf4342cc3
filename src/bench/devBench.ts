// The dev figures, on a copy of the slides in a temporary folder. Dev start:
// spawn `npm run dev -- --port P` → the first slide visible in headless
// Chromium (already running): the server polled until it answers, then the
// page opened; "visible" = the frame after <html data-deck-shown>, and "every
// diagram drawn" the frame after <html data-deck="ready">, timed in the page
// and put on Node's clock. HMR (hmrBench.ts) runs in the last session.
import path from 'node:path';
import type { Browser } from 'puppeteer';
import type { FigureOptions } from './args.ts';
import { startDevSession, type DevSession } from './devSession.ts';
import { benchHmr, type HmrFigures } from './hmrBench.ts';
import { maybeSummarize, type Summary } from './stats.ts';

export interface DevFigures {
  command: string;
  serverMs?: Summary;
  startMs?: Summary;
  readyMs?: Summary;
  hmr?: HmrFigures;
  failures: string[];
}

export interface DevBenchOptions extends FigureOptions {
  browser: Browser;
}

/** Dev start over `warmups + runs` fresh servers; HMR in the last one. */
export async function benchDev(o: DevBenchOptions): Promise<DevFigures> {
  const server: number[] = [];
  const start: number[] = [];
  const ready: number[] = [];
  const failures: string[] = [];
  let hmr: HmrFigures | undefined;
  const total = o.warmups + o.runs;
  for (let i = 0; i < total; i++) {
    let session: DevSession | undefined;
    try {
      session = await startDevSession(o.projectRoot, o.slidesDir, o.browser, o.timeoutMs);
      o.onRun?.(i < o.warmups ? 'dev start (warm-up)' : 'dev start', session.startMs);
      if (i >= o.warmups) {
        server.push(session.serverMs);
        start.push(session.startMs);
        ready.push(session.readyMs);
      }
      if (i === total - 1) hmr = await benchHmr(session, o.projectRoot, o.runs, o.warmups, o.timeoutMs, o.onRun);
    } catch (error) {
      failures.push(`dev run ${i}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    } finally {
      await session?.close();
    }
  }
  return {
    command: `npm run dev -- --slides <tmp>/${path.basename(o.slidesDir)} --port <free port>`,
    serverMs: maybeSummarize(server),
    startMs: maybeSummarize(start),
    readyMs: maybeSummarize(ready),
    hmr,
    failures,
  };
}
