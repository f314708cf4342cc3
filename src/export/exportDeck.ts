// One export, start to finish: build the deck into a temporary folder (while
// Chromium starts), serve it on loopback, print it, add metadata and
// bookmarks (renderPdf), write FILE atomically. Cleans up whatever happens.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { buildDeck, type BuildResult } from '../build/buildDeck.ts';
import { serveDir, type StaticServer } from '../build/staticServer.ts';
import { findBrowser } from '../browser/findBrowser.ts';
import { launchBrowser } from '../browser/launch.ts';
import { formatProblem, type Deck, type Problem } from '../deck/model.ts';
import { displayPath } from '../deck/readSources.ts';
import type { ExportOptions } from './args.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { removeOnExit } from './exitCleanup.ts';
import { BrowserCrashError, OutputError } from './errors.ts';
import { pagesOfSlides, printPlan, type PageOfSlide } from './pages.ts';
import { postProcess } from './postProcess.ts';
import { openForPrint, printDeck } from './printPage.ts';
import type { Progress } from './progress.ts';
import { selectSlides } from './range.ts';

export interface ExportResult {
  /** Absolute path of the written PDF. */
  file: string;
  pages: number;
  bytes: number;
  /** Slides printed (all, or those of --range). */
  slides: number;
  /** Warnings from the deck (errors stop the export). */
  warnings: Problem[];
}

export interface RenderTarget {
  browser: Browser;
  /** The built deck's index.html, served over HTTP. */
  url: string;
  deck: Deck;
}

export interface RenderOptions {
  notes: boolean;
  fragments: boolean;
  /** 0-based slides to print, or null for all. */
  selected: number[] | null;
  timeoutMs: number;
}

/** Prints a built, served deck and post-processes the PDF (no file written). */
export async function renderPdf(
  target: RenderTarget,
  options: RenderOptions,
  progress: Progress,
  log?: (line: string) => void,
): Promise<{ pdf: Uint8Array; pages: PageOfSlide[] }> {
  const { browser, deck } = target;
  const opened = await progress.time('page ready', () =>
    openForPrint(browser, {
      url: target.url,
      fragments: options.fragments,
      timeoutMs: options.timeoutMs,
      onRendered: (drawn, total) => progress.update(`slides rendered ${drawn}/${total}`, { transient: drawn < total }),
      log,
    }),
  );
  const { selected } = options;
  const plan = printPlan(deck, selected, options.notes);
  progress.update(`printing ${selected ? `${selected.length} of ` : ''}${deck.slides.length} slides …`);
  const printed = await progress.time('print', () => printDeck(opened, plan, options.timeoutMs));
  const pages = pagesOfSlides(deck, printed.pages);
  const browserVersion = await browser.version();
  const pdf = await progress.time('post-process', () => postProcess(printed.pdf, { deck, pages, browserVersion }));
  return { pdf, pages };
}

export async function exportDeck(options: ExportOptions, progress: Progress, log?: (line: string) => void): Promise<ExportResult> {
  // No browser: say so before spending time on the build.
  const executablePath = findBrowser();
  const temp = await mkdtemp(path.join(os.tmpdir(), 'iur-export-'));
  const release = removeOnExit(temp);
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  // Chromium starts while Vite builds (another core, and mostly waiting).
  const launching = progress.time('browser launch', () =>
    launchBrowser({ executablePath }).catch((error: unknown) => {
      const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new BrowserCrashError(`could not start ${executablePath}: ${why}`);
    }),
  );
  launching.catch(() => {});
  try {
    progress.update(`building ${displayPath(path.resolve(options.slidesDir))} …`);
    const built: BuildResult = await progress.time('build', () =>
      buildDeck({ slidesDir: options.slidesDir, outDir: path.join(temp, 'deck'), quiet: true }),
    );
    const { deck } = built;
    for (const problem of built.problems) progress.line(formatProblem(problem), process.stderr);
    const selected = options.range ? selectSlides(options.range, deck.slides.length) : null;
    progress.update(`built ${deck.slides.length} slides; starting the browser …`);

    const served = await progress.time('serve', () => serveDir(path.join(temp, 'deck')));
    server = served;
    browser = await launching;

    const { pdf, pages } = await renderPdf({ browser, url: `${served.url}index.html`, deck }, { ...options, selected }, progress, log);
    const file = path.resolve(options.out);
    await progress.time('write', () => writeFileAtomic(file, pdf)).catch((error: unknown) => {
      throw new OutputError(displayPath(file), error);
    });
    progress.update(`PDF written: ${displayPath(file)}`, { transient: true });
    return { file, pages: pages.length, bytes: pdf.length, slides: selected?.length ?? deck.slides.length, warnings: built.problems };
  } finally {
    const b = browser ?? (await launching.catch(() => undefined));
    await Promise.allSettled([b?.close(), server?.close()]);
    await rm(temp, { recursive: true, force: true });
    release();
  }
}
