// `npm run export -- --watch`: one Chromium and one page for the whole
// session. The first export opens the built deck in the print view; on each
// save under the slides folder, assets/ or themes/ the deck is built again
// and, when only the slides changed (same client shell, same font subset),
// handed to the open page, which swaps them in place (src/client/watchPrint.ts)
// — no new browser, no reload; otherwise the page loads the new build. Then
// the writer for the chosen output renders the page and the file is replaced
// atomically, with the time it took. A deck error is printed and the last
// good file kept; the watch goes on. Ctrl+C, SIGTERM, SIGHUP and the death of
// the parent process end it, and Chromium with it (exitCleanup.ts, Puppeteer).
import { inspect } from 'node:util';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { findBrowser } from '../../browser/findBrowser.ts';
import { launchBrowser } from '../../browser/launch.ts';
import { makeTempDir } from '../../browser/tempDirs.ts';
import { buildDeck } from '../../builder/buildDeck.ts';
import { serveDir } from '../../builder/staticServer.ts';
import { DeckError, formatProblem, type Problem } from '../../deck/model.ts';
import { findingsStop, forcedWhat, uniqueFindings } from '../doctorGate.ts';
import { displayPath } from '../../deck/readSources.ts';
import { drawnBefore, rememberDrawn } from '../../diagrams/drawnDiagrams.ts';
import { renderSlidesHtml } from '../../render/slidesHtml.ts';
import { PROJECT_ROOT } from '../../project/paths.ts';
import type { ExportOptions } from '../args.ts';
import { writeFileAtomic } from '../atomicWrite.ts';
import { BrowserCrashError, OutputError } from '../errors.ts';
import { removeOnExit } from '../exitCleanup.ts';
import { openForPrint, type OpenedDeck } from '../print/printPage.ts';
import { fitBitmaps } from '../print/fitBitmaps.ts';
import type { Progress } from '../progress.ts';
import { selectSlides, SlideRangeError } from '../range.ts';
import { watchFiles } from './watchFiles.ts';
import { watchWriter } from './watchWriters.ts';
import { slidePatches } from './watchPatch.ts';
import type { Deck } from '../../deck/model.ts';

const FONT_STYLE = /<style id="iur-font">([\s\S]*?)<\/style>/;

export interface WatchSession {
  /** Builds and writes once more, now; resolves with what it printed. */
  update: (reason: string) => Promise<string>;
  close: () => Promise<void>;
  /** Resolves when the browser goes away. */
  closed: Promise<void>;
}

/** Starts the session: the first export, then every save. */
export async function startWatch(options: ExportOptions, progress: Progress, log?: (line: string) => void): Promise<WatchSession> {
  const executablePath = findBrowser();
  // A failed launch is already one plain line (src/browser/launch.ts); a parent that dies ends
  // every command, this one included (src/cli/parentWatch.ts, from main.ts).
  const launching = launchBrowser({ executablePath });
  launching.catch(() => {});
  // Named with our PID: if we are killed, the next command's launch removes it.
  const temp = makeTempDir('export');
  removeOnExit(temp);
  const outDir = path.join(temp, 'deck');
  const server = await serveDir(outDir).catch((error: unknown) => {
    void launching.then((b) => b.close()).catch(() => {});
    throw error;
  });
  const browser: Browser = await launching.catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const browserVersion = await browser.version();
  const write = watchWriter(options);
  const out = path.resolve(options.out);
  const say = (line: string, stream: NodeJS.WriteStream = process.stdout) => progress.line(line, stream);

  let opened: OpenedDeck | undefined;
  let shown: { shellKey: string; font: string; deck: Deck } | undefined;

  const update = async (reason: string): Promise<string> => {
    const started = performance.now();
    const stages: string[] = [];
    let mark = started;
    const lap = (stage: string) => {
      const now = performance.now();
      stages.push(`${stage} ${Math.round(now - mark)} ms`);
      mark = now;
    };
    let built;
    try {
      built = await buildDeck({ slidesDir: options.slidesDir, outDir, quiet: true, verifyDiagrams: false });
    } catch (error) {
      if (!(error instanceof DeckError)) throw error;
      for (const p of error.problems) say(formatProblem(p), process.stderr);
      return `${displayPath(out)} kept: the deck has errors (waiting for the next save)`;
    }
    const { deck, shellKey } = built;
    for (const p of built.problems) say(formatProblem(p), process.stderr);
    let selected: number[] | null;
    try {
      selected = options.range ? selectSlides(options.range, deck.slides.length) : null;
    } catch (error) {
      if (!(error instanceof SlideRangeError)) throw error;
      return `${displayPath(out)} kept: ${error.message}`;
    }
    const font = FONT_STYLE.exec(await readFile(built.indexHtml, 'utf8'))?.[1] ?? '';
    lap(
      `build (${Object.entries(built.timings)
        .map(([k, v]) => `${k} ${v}`)
        .join(' ')})`,
    );
    let how: string;
    let findings: Problem[];
    if (opened && shown?.shellKey === shellKey && shown.font === font) {
      const page = opened.page;
      const html = renderSlidesHtml(deck);
      // Only the slides that changed, in their pages, when the deck kept its shape; else all of them.
      const patches = slidePatches(shown.deck, deck, options);
      let problems = patches
        ? await page.evaluate((h: string, p: typeof patches) => (window.__iurPatch ? window.__iurPatch(h, p) : null), html, patches)
        : null;
      how = `${patches?.length ?? 0} slide${patches?.length === 1 ? '' : 's'} changed in place`;
      if (problems === null) {
        problems = await page.evaluate((h: string) => {
          if (!window.__iurReprint) throw new Error('the page takes no new slides');
          return window.__iurReprint(h);
        }, html);
        how = 'slides swapped in place';
      }
      // The page's own problems (diagrams) and the deck doctor on the slides as now laid out.
      findings = [...problems, ...(await page.evaluate(() => window.__iurDeck?.inspectAll?.() ?? []))];
      // A picture the save brought in, at most twice the pixels it fills, as in every export.
      for (const line of (await fitBitmaps(page)).lines) log?.(`picture made smaller for the export: ${line}`);
    } else {
      // First time, or the theme, code or font subset changed: load the new build.
      const codes = [...new Set(deck.slides.flatMap((s) => s.diagrams.map((d) => d.code)))];
      const drawnBy = { shell: shellKey, browser: browserVersion };
      try {
        opened = await openForPrint(browser, {
          url: `${server.url}index.html`,
          fragments: options.fragments,
          annotations: options.annotations,
          timeoutMs: options.timeoutMs,
          prerendered: await drawnBefore(drawnBy, codes),
          log,
        });
      } catch (error) {
        opened = undefined;
        if (!(error instanceof DeckError)) throw error;
        for (const p of error.problems) say(formatProblem(p), process.stderr);
        return `${displayPath(out)} kept: the deck has errors (waiting for the next save)`;
      }
      void rememberDrawn(drawnBy, opened.drawn).catch(() => {});
      how = shown ? 'page reloaded' : 'page opened';
      findings = opened.doctor;
    }
    lap(how.includes('in place') ? 'swap' : 'page');
    // What the doctor finds in this save, each time; an error keeps the last good file (doctorGate.ts).
    findings = uniqueFindings(findings);
    for (const p of findings) say(formatProblem(p), process.stderr);
    const stops = findingsStop(findings, options);
    // A page that shows a broken deck lays the next one out whole.
    shown = { shellKey, font, deck: findings.some((p) => p.level === 'error') ? { ...deck, slides: [] } : deck };
    if (stops && !options.force) return `${displayPath(out)} kept: the deck has ${forcedWhat(findings)} (--force writes it anyway)`;
    if (stops) say(`export: --force: writing it anyway, with ${forcedWhat(findings)}`, process.stderr);
    const written = await write({ browser, opened, deck, selected, browserVersion }, progress);
    lap(
      `render (${Object.entries(written.stages)
        .map(([k, v]) => `${k} ${v}`)
        .join(' ')})`,
    );
    await writeFileAtomic(out, written.bytes, { durable: false }).catch((error: unknown) => {
      throw new OutputError(displayPath(out), error);
    });
    lap('write');
    const ms = performance.now() - started;
    const detail = options.verbose ? `: ${stages.join(', ')}` : '';
    return `${displayPath(out)} written — ${written.pages} page${written.pages === 1 ? '' : 's'}, ${(ms / 1000).toFixed(2)} s (${how}; ${reason}${detail})`;
  };

  const closed = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
  return {
    update,
    closed,
    close: async () => {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** The command: first export, then one per burst of saves, until interrupted. */
export async function watchExport(options: ExportOptions, progress: Progress, log?: (line: string) => void): Promise<number> {
  const session = await startWatch(options, progress, log);
  const say = (line: string) => progress.line(line);
  try {
    say(await session.update('first export'));
  } catch (error) {
    // A timeout or crash on the first export: nothing to watch with.
    await session.close();
    throw error;
  }
  const slides = path.resolve(options.slidesDir);
  const dirs = [slides, path.join(PROJECT_ROOT, 'assets'), path.join(PROJECT_ROOT, 'themes')].filter(
    (d, i, all) => existsSync(d) && all.indexOf(d) === i,
  );
  let failure: Error | undefined;
  const out = path.resolve(options.out);
  const watcher = watchFiles(dirs, async (all) => {
    // The output itself may sit in a watched folder.
    const changed = all.filter((f) => path.resolve(f) !== out);
    if (changed.length === 0) return;
    // An editor's save renames a temporary file: name the files that are there now.
    const present = changed.filter((f) => existsSync(f));
    const names = [...new Set((present.length > 0 ? present : changed).map((f) => displayPath(f)))];
    const reason = names.length === 1 ? `${names[0]} saved` : `${names.length} files saved`;
    try {
      say(await session.update(reason));
    } catch (error) {
      failure = error instanceof Error ? error : new Error(inspect(error));
      await session.close();
    }
  });
  say(`watching ${dirs.map((d) => `${displayPath(d)}/`).join(', ')} — Ctrl+C to stop`);
  // Ctrl+C, SIGTERM or a hang-up end the process (exitCleanup.ts): say so, and what is left.
  process.once('exit', (code) => {
    progress.end();
    process.stderr.write(`export --watch: stopped${code > 128 ? ' (interrupted)' : ''}; ${displayPath(out)} is the last good export\n`);
  });
  await session.closed;
  watcher.close();
  if (failure) throw failure;
  throw new BrowserCrashError('the browser exited unexpectedly');
}
