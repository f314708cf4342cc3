// One export, start to finish: start Chromium first (it takes longest), then
// load the rest and build the deck into a temporary folder meanwhile, serve it
// on loopback, render it in the format asked for (registry.ts: PDF,
// handout, PowerPoint or PNG) with the diagrams drawn by earlier exports, close the
// browser, finish the output and write it atomically. Cleans up whatever happens.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { findBrowser } from '../browser/findBrowser.ts';
import { launchBrowser } from '../browser/launch.ts';
import { makeTempDir } from '../process/temporaries.ts';
import type { StaticServer } from '../builder/staticServer.ts';
import { formatProblem, type Problem } from '../shared/problem.ts';
import type { ExportOptions } from './args.ts';
import { removeOnExit } from '../process/exitCleanup.ts';
import { OutputError } from './errors.ts';
import { loadFormat } from './registry.ts';
import type { Progress } from './progress.ts';
import { plural } from '../shared/plural.ts';
import { refuseWarnings } from './strict.ts';
import { gateFindings } from './doctorGate.ts';

export interface ExportResult {
  /** Absolute path of the written file (for PNG: the folder). */
  file: string;
  /** Pages of the PDF, slides of the PowerPoint, pictures of PNG. */
  pages: number;
  bytes: number;
  /** Slides exported (all, or those of --range). */
  slides: number;
  /** Warnings from the deck (errors stop the export). */
  warnings: Problem[];
  /** Diagrams drawn by an earlier export, of all distinct diagrams. */
  diagrams: { reused: number; total: number };
}

function closeBrowser(browser: Browser | undefined): Promise<void> {
  return browser ? browser.close().catch(() => {}) : Promise.resolve();
}

/** Every step after the launch, loaded while Chromium starts: each module by name. */
async function loadWork(options: ExportOptions) {
  const [build, server, sources, atomic, drawnDiagrams, range, format] = await Promise.all([
    import('../builder/buildDeck.ts'),
    import('../builder/staticServer.ts'),
    import('../project/readSources.ts'),
    import('../project/atomicFile.ts'),
    import('../diagrams/drawnDiagrams.ts'),
    import('./range.ts'),
    loadFormat(options.format, options.handout !== undefined),
  ]);
  return { build, server, sources, atomic, drawnDiagrams, range, format };
}

export async function exportDeck(options: ExportOptions, progress: Progress, log?: (line: string) => void): Promise<ExportResult> {
  // No browser: say so before spending time on the build.
  const executablePath = findBrowser();
  // Node's own start and our imports, up to here (npm's start is before it).
  progress.record('start-up', performance.now());
  // A launch that fails is a BrowserCrashError with one plain line (src/browser/launch.ts).
  const launching = progress.time('browser launch', () => launchBrowser({ executablePath }));
  launching.catch(() => {});
  // Named with our PID: if we are killed, the next command's launch removes it.
  const temp = makeTempDir('export');
  const release = removeOnExit(temp);
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let closing: Promise<void> | undefined;
  try {
    const work = await progress.time('load', () => loadWork(options));
    const { displayPath } = work.sources;
    progress.update(`building ${displayPath(path.resolve(options.slidesDir))} …`);
    const built = await progress.time('build', () =>
      work.build.buildDeck({ slidesDir: options.slidesDir, outDir: path.join(temp, 'deck'), quiet: true }),
    );
    const { deck } = built;
    // --strict: a warning in the sources stops the export here (and is printed once, with the reason).
    if (options.strict) refuseWarnings(built.problems);
    for (const problem of built.problems) progress.line(formatProblem(problem), process.stderr);
    const selected = options.range ? work.range.selectSlides(options.range, deck.slides.length) : null;
    progress.update(`built ${plural(deck.slides.length, 'slide')}; starting the browser …`);

    const served = await progress.time('serve', () => work.server.serveDir(path.join(temp, 'deck')));
    server = served;
    browser = await launching;

    const codes = [...new Set(deck.slides.flatMap((s) => s.diagrams.map((d) => d.code)))];
    const drawnBy = { shell: built.shellKey, browser: await browser.version() };
    const prerendered = await work.drawnDiagrams.drawnBefore(drawnBy, codes);
    const target = { browser, url: `${served.url}index.html`, deck, prerendered };
    const captured = await work.format.render(target, { ...options, selected }, progress, log);
    // What the doctor finds on the laid-out slides: printed; an error (with --strict a warning)
    // ends the export here, the last good output kept, unless --force (doctorGate.ts).
    gateFindings(captured.doctor, options, (line) => progress.line(line, process.stderr));
    // Chromium is done: let it exit while the output is finished (less time, less memory).
    closing = closeBrowser(browser);
    const output = await captured.finish(progress);
    const file = path.resolve(options.out);
    await progress.time('write', () => {
      const writing =
        output.kind === 'file' ? work.atomic.writeFileAtomic(file, output.data) : work.atomic.writeFolderAtomic(file, output.files, '.png');
      return Promise.all([writing, work.drawnDiagrams.rememberDrawn(drawnBy, captured.drawn)]).catch((error: unknown) => {
        throw new OutputError(displayPath(file), error);
      });
    });
    progress.update(`written: ${displayPath(file)}`, { transient: true });
    return {
      file,
      pages: output.pages,
      bytes: output.kind === 'file' ? output.data.length : output.files.reduce((sum, f) => sum + f.data.length, 0),
      slides: selected?.length ?? deck.slides.length,
      warnings: [...built.problems, ...captured.doctor],
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
