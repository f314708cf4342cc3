// `npm run export -- --watch`: the export pipeline (pipeline/pass.ts) in one
// session, with one Chromium and one page: a pass for the first export, then
// one per burst of saves under the slides folder, assets/ or themes/
// (src/project/watchFiles.ts). When only the slides changed (same client
// shell, same font subset) the open page takes them in place
// (pipeline/page.ts) — no new browser, no reload; otherwise it loads the new
// build. The file is replaced atomically each time, with the time it took. A
// deck error is printed and the last good file kept; the watch goes on.
// Ctrl+C, SIGTERM, SIGHUP and the death of the parent process end it, and
// Chromium with it (src/process/exitCleanup.ts, Puppeteer).
import { inspect } from 'node:util';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BrowserCrashError } from '../browser/crashSignal.ts';
import { DeckError } from '../deck/model.ts';
import { PROJECT_ROOT } from '../project/paths.ts';
import { displayPath } from '../project/readSources.ts';
import { watchFiles } from '../project/watchFiles.ts';
import { plural } from '../shared/plural.ts';
import { formatProblem } from '../shared/problem.ts';
import type { ExportOptions } from './args.ts';
import { FindingsError, forcedWhat } from './pipeline/gate.ts';
import { PrintView } from './pipeline/page.ts';
import { runPass } from './pipeline/pass.ts';
import { startSession } from './pipeline/session.ts';
import { Progress } from './progress.ts';
import { SlideRangeError } from './range.ts';
import { loadFormat } from './registry.ts';

export interface WatchSession {
  /** Builds and writes once more, now; resolves with what it printed. */
  update: (reason: string) => Promise<string>;
  close: () => Promise<void>;
  /** Resolves when the browser goes away. */
  closed: Promise<void>;
}

/** Why the last good file is kept, having printed the problems; undefined for a failure that ends the watch. */
function keptBecause(error: unknown, say: (line: string) => void): string | undefined {
  if (error instanceof FindingsError) {
    for (const p of error.problems) say(formatProblem(p));
    return `the deck has ${forcedWhat(error.problems)} (--force writes it anyway)`;
  }
  if (error instanceof DeckError) {
    for (const p of error.problems) say(formatProblem(p));
    const errors = error.problems.some((p) => p.level === 'error');
    const what = errors ? 'errors' : plural(error.problems.length, 'warning');
    return `${errors ? '' : '--strict, and '}the deck has ${what} (waiting for the next save)`;
  }
  if (error instanceof SlideRangeError) return error.message;
  return undefined;
}

/** Where a pass's time went (--verbose): each stage, the build's own stages in brackets. */
function stagesOf(pass: Progress, build: Record<string, number>): string {
  return pass.timings
    .map(({ stage, ms }) => {
      const inner =
        stage === 'build'
          ? ` (${Object.entries(build)
              .map(([k, v]) => `${k} ${v}`)
              .join(' ')})`
          : '';
      return `${stage}${inner} ${Math.round(ms)} ms`;
    })
    .join(', ');
}

/** Starts the session: the first export, then every save. */
export async function startWatch(options: ExportOptions, progress: Progress, log?: (line: string) => void): Promise<WatchSession> {
  // A failed launch is one plain line (src/browser/launch.ts); a parent that dies ends every
  // command, this one included (src/process/parentWatch.ts, from src/cli/main.ts).
  const session = startSession(progress);
  const stages = { session, view: new PrintView(session, log), format: await loadFormat(options.format, options.handout !== undefined) };
  const out = path.resolve(options.out);
  const update = async (reason: string): Promise<string> => {
    const started = performance.now();
    // Each pass its own timings, and no progress lines: a watch prints one line a save.
    const pass = new Progress({ updates: false });
    try {
      const done = await runPass(stages, options, { verifyDiagrams: false, closeEarly: false, durable: false }, pass);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const detail = options.verbose ? `: ${stagesOf(pass, done.buildTimings)}` : '';
      return `${displayPath(out)} written — ${plural(done.output.pages, 'page')}, ${seconds} s (${done.how}; ${reason}${detail})`;
    } catch (error) {
      const kept = keptBecause(error, (line) => progress.line(line, process.stderr));
      if (kept === undefined) throw error;
      return `${displayPath(out)} kept: ${kept}`;
    }
  };
  return { update, closed: session.closed, close: () => session.close() };
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
