// One export, start to finish: start Chromium first (it takes longest), then
// load the rest and build the deck into a temporary folder meanwhile, serve it
// on loopback, print it (renderPdf) with the diagrams drawn by earlier exports,
// write FILE atomically. Cleans up whatever happens.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { findBrowser } from '../browser/findBrowser.ts';
import { launchBrowser } from '../browser/launch.ts';
import type { StaticServer } from '../build/staticServer.ts';
import type { Problem } from '../deck/model.ts';
import type { ExportOptions } from './args.ts';
import { removeOnExit } from './exitCleanup.ts';
import { BrowserCrashError, OutputError } from './errors.ts';
import type { Progress } from './progress.ts';

export interface ExportResult {
  /** Absolute path of the written PDF. */
  file: string;
  pages: number;
  bytes: number;
  /** Slides printed (all, or those of --range). */
  slides: number;
  /** Warnings from the deck (errors stop the export). */
  warnings: Problem[];
  /** Diagrams drawn by an earlier export, of all distinct diagrams. */
  diagrams: { reused: number; total: number };
}

function closeBrowser(browser: Browser | undefined): Promise<void> {
  return browser ? browser.close().catch(() => {}) : Promise.resolve();
}

/** Everything after the launch, loaded while Chromium starts. */
async function loadWork() {
  const [build, server, deckModel, sources, render, atomic, drawn, range] = await Promise.all([
    import('../build/buildDeck.ts'),
    import('../build/staticServer.ts'),
    import('../deck/model.ts'),
    import('../deck/readSources.ts'),
    import('./renderPdf.ts'),
    import('./atomicWrite.ts'),
    import('../diagrams/drawnDiagrams.ts'),
    import('./range.ts'),
  ]);
  return { ...build, ...server, ...deckModel, ...sources, ...render, ...atomic, ...drawn, ...range };
}

export async function exportDeck(options: ExportOptions, progress: Progress, log?: (line: string) => void): Promise<ExportResult> {
  // No browser: say so before spending time on the build.
  const executablePath = findBrowser();
  // Node's own start and our imports, up to here (npm's start is before it).
  progress.record('start-up', performance.now());
  const launching = progress.time('browser launch', () =>
    launchBrowser({ executablePath }).catch((error: unknown) => {
      const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new BrowserCrashError(`could not start ${executablePath}: ${why}`);
    }),
  );
  launching.catch(() => {});
  const temp = await mkdtemp(path.join(os.tmpdir(), 'iur-export-'));
  const release = removeOnExit(temp);
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let closing: Promise<void> | undefined;
  try {
    const work = await progress.time('load', loadWork);
    progress.update(`building ${work.displayPath(path.resolve(options.slidesDir))} …`);
    const built = await progress.time('build', () =>
      work.buildDeck({ slidesDir: options.slidesDir, outDir: path.join(temp, 'deck'), quiet: true }),
    );
    const { deck } = built;
    for (const problem of built.problems) progress.line(work.formatProblem(problem), process.stderr);
    const selected = options.range ? work.selectSlides(options.range, deck.slides.length) : null;
    progress.update(`built ${deck.slides.length} slides; starting the browser …`);

    const served = await progress.time('serve', () => work.serveDir(path.join(temp, 'deck')));
    server = served;
    browser = await launching;

    const codes = [...new Set(deck.slides.flatMap((s) => s.diagrams.map((d) => d.code)))];
    const drawnBy = { shell: built.shellKey, browser: await browser.version() };
    const prerendered = await work.drawnBefore(drawnBy, codes);
    const target = { browser, url: `${served.url}index.html`, deck, prerendered };
    // A handout prints the slides alone (no notes pages), then lays them out on A4 (src/export/handout.ts).
    const printed = await work.printPdf(target, { ...options, notes: options.notes && !options.handout, selected }, progress, log);
    const handout = options.handout ? await (await import('./handout.ts')).renderHandout(browser, printed, deck, { ...options, perPage: options.handout }, progress) : undefined;
    // Chromium is done: let it exit while the PDF is finished (less time, less memory).
    closing = closeBrowser(browser);
    const { pdf, pages, drawn } = handout ?? (await work.finishPdf(printed, deck, progress));
    const file = path.resolve(options.out);
    await progress.time('write', () =>
      Promise.all([work.writeFileAtomic(file, pdf), work.rememberDrawn(drawnBy, drawn)]).catch((error: unknown) => {
        throw new OutputError(work.displayPath(file), error);
      }),
    );
    progress.update(`PDF written: ${work.displayPath(file)}`, { transient: true });
    return {
      file,
      pages: pages.length,
      bytes: pdf.length,
      slides: selected?.length ?? deck.slides.length,
      warnings: built.problems,
      diagrams: { reused: Object.keys(prerendered).length, total: codes.length },
    };
  } finally {
    await progress.time('close', async () => {
      closing ??= closeBrowser(browser ?? (await launching.catch(() => undefined)));
      await Promise.allSettled([closing, server?.close()]);
      await rm(temp, { recursive: true, force: true });
      release();
    });
  }
}
