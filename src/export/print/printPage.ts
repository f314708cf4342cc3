// The browser side of an export, driven from Node: opens the built deck in
// reveal.js's print view on one page and waits for its ready signal (bounded
// by the timeout, naming the slides not ready). Every format reads its slides
// from there; the PDF's printing is pdf/printDeck.ts.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'puppeteer';
import { TimeoutError } from '../../browser/puppeteerCore.ts';
import { DeckError } from '../../deck/model.ts';
import type { Problem } from '../../shared/problem.ts';
import { ExportTimeoutError } from '../errors.ts';
import { BrowserCrashError, crashSignal, raceCrash } from '../../browser/crashSignal.ts';
import { assertSlideList } from '../../deck/slideCount.ts';
import type { PageStatus } from '../../shared/printView.ts';

export interface OpenOptions {
  /** Page URL (index.html) without query. */
  url: string;
  fragments: boolean;
  /** Draw the pen's drawings on their pages (src/client/pen/penPrint.ts). */
  annotations?: boolean;
  timeoutMs: number;
  /** Slides with every diagram drawn, of all slides (for the progress line). */
  onRendered?: (drawn: number, total: number) => void;
  /** Browser console and page errors (--debug). */
  log?: (line: string) => void;
  /** SVGs this client drew before (Mermaid source → SVG): the page uses them instead of drawing. */
  prerendered?: Record<string, string>;
  /** Where the deck's slides start, to name them when the page is not ready in time. */
  slides?: { file: string; line: number }[];
}

export interface OpenedDeck {
  page: Page;
  /** Rejects when the page or browser crashes; race long waits against it. */
  crashed: Promise<never>;
  status: PageStatus;
  /** Diagrams the page drew itself (Mermaid source → SVG), to remember for next time. */
  drawn: Record<string, string>;
  /** What the deck doctor finds on the laid-out slides (overflow, dead links …), as `npm run check` would. */
  doctor: Problem[];
}

async function race<T>(work: Promise<T>, crashed: Promise<never>): Promise<T> {
  return raceCrash(work, crashed); // not Promise.race: see src/browser/crashSignal.ts
}

/**
 * How far the page got: from its own code (src/client/print/pageStatus.ts), or
 * before its script ran, only that and the font's state.
 */
function readStatus(page: Page): Promise<PageStatus> {
  return page.evaluate(
    () =>
      window.__iurDeck?.printStatus?.() ?? {
        state: document.documentElement.dataset.deck ?? 'no script',
        slides: 0,
        drawn: 0,
        fonts: document.fonts.status,
        printLayout: false,
        undrawn: [],
      },
  );
}

/** The slides named in a timeout message: the first few, then how many more. */
function notReadyLine(slides: { file: string; line: number }[], why: string): string {
  const shown = slides
    .slice(0, 3)
    .map((s) => `${s.file}:${s.line}`)
    .join(', ');
  const more = slides.length > 3 ? ` and ${slides.length - 3} more` : '';
  return `not ready: ${shown}${more} (${why})`;
}

function describeTimeout(status: PageStatus | undefined, options: OpenOptions, pageErrors: string[]): string {
  const lines = [`timed out after ${options.timeoutMs / 1000} s waiting for the deck to be ready in the browser`];
  for (const e of pageErrors.slice(0, 3)) lines.push(`browser error: ${e.split('\n')[0]}`);
  const all = options.slides ?? [];
  if (!status) {
    lines.push(
      all.length > 0
        ? notReadyLine(all, 'the page did not load or respond: stuck in a script?')
        : 'the page did not respond (stuck in a script?)',
    );
    return lines.join('\n');
  }
  for (const d of status.undrawn) {
    lines.push(`${d.file}:${d.figureLine || d.line}: error: Mermaid diagram not drawn (slide at line ${d.line})`);
  }
  if (status.undrawn.length > 0) return lines.join('\n');
  if (status.fonts !== 'loaded') lines.push(notReadyLine(all, `the bundled font is still loading (document.fonts: ${status.fonts})`));
  else if (!status.printLayout) {
    lines.push(
      notReadyLine(
        all,
        status.state === 'no script' ? 'the deck script never ran' : 'reveal.js did not finish its print layout (no pdf-ready)',
      ),
    );
  }
  return lines.join('\n');
}

/** Opens `url` in print view on the browser's page and waits until the deck is ready. */
export async function openForPrint(browser: Browser, options: OpenOptions): Promise<OpenedDeck> {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const crash = crashSignal();
  page.once('error', (error) => crash.fail(new BrowserCrashError(`the browser page crashed: ${error.message}`)));
  browser.once('disconnected', () => crash.fail(new BrowserCrashError('the browser exited unexpectedly')));
  const crashed = crash.promise;
  // Uncaught page errors explain most timeouts: keep them for the message.
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => {
    const message = e instanceof Error ? e.message : String(e);
    pageErrors.push(message);
    options.log?.(`browser page error: ${message}`);
  });
  if (options.log) {
    const log = options.log;
    page.on('console', (m) => log(`browser ${m.type()}: ${m.text()}`));
  }

  if (options.prerendered && Object.keys(options.prerendered).length > 0) {
    await page.evaluateOnNewDocument((svgs: Record<string, string>) => {
      window.__iurPrerendered = svgs;
    }, options.prerendered);
  }
  const started = Date.now();
  const query = `?print-pdf${options.fragments ? '&fragments' : ''}${options.annotations ? '&annotations' : ''}`;
  try {
    await race(page.goto(`${options.url}${query}`, { waitUntil: 'domcontentloaded', timeout: options.timeoutMs }), crashed);
  } catch (error) {
    if (error instanceof TimeoutError) throw new ExportTimeoutError(describeTimeout(undefined, options, pageErrors));
    throw error;
  }
  // tsx (esbuild, keepNames) wraps named functions in __name(); the functions
  // sent to the page need it defined there.
  await page.evaluate('globalThis.__name ??= (f) => f');

  let last: PageStatus | undefined;
  // Stops the progress poll at once, its 150 ms pause included.
  const stopPolling = new AbortController();
  const { signal } = stopPolling;
  const poll = (async () => {
    while (!signal.aborted) {
      last = await readStatus(page).catch(() => last);
      // While reveal.js builds its print pages the sections are briefly out of the document.
      if (last && last.slides > 0 && !signal.aborted) options.onRendered?.(last.drawn, last.slides);
      await sleep(150, undefined, { signal }).catch(() => {});
    }
  })();

  try {
    const remaining = Math.max(options.timeoutMs - (Date.now() - started), 1);
    await race(
      page.waitForFunction(
        () => {
          const state = document.documentElement.dataset.deck;
          return state === 'ready' || state === 'error';
        },
        { polling: 'mutation', timeout: remaining },
      ),
      crashed,
    );
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    stopPolling.abort();
    const status = await Promise.race([readStatus(page).catch(() => last), sleep(2000).then(() => last)]);
    throw new ExportTimeoutError(describeTimeout(status, options, pageErrors));
  } finally {
    stopPolling.abort();
    await Promise.race([poll, sleep(500)]);
  }

  const status = await race(readStatus(page), crashed);
  options.onRendered?.(status.drawn, status.slides);
  if (status.state === 'error') {
    const problems = await page.evaluate(() => window.__iurDeck?.problems ?? []);
    throw new DeckError(
      problems.length > 0 ? problems : [{ pos: { file: 'deck', line: 0 }, level: 'error', message: 'the page reported an error' }],
    );
  }
  // Every slide of the model is in the page, no more (src/deck/slideCount.ts).
  if (options.slides)
    assertSlideList(
      { slides: options.slides.map((pos) => ({ pos })) },
      await race(
        page.evaluate(() =>
          Array.from(
            document.querySelectorAll<HTMLElement>('.reveal .slides section[data-file]'),
            (s) => `${s.dataset.file}:${s.dataset.line}`,
          ),
        ),
        crashed,
      ),
    );
  const drawn = await race(
    page.evaluate(() => window.__iurDrawn ?? {}),
    crashed,
  );
  // Every slide is laid out here, as it prints: the doctor's rules cost a few ms on the talk.
  const doctor = await race(
    page.evaluate(() => window.__iurDeck?.inspectAll?.() ?? []),
    crashed,
  );
  return { page, crashed, status, drawn, doctor };
}
