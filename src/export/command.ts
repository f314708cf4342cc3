// `npm run export`: parses the options, runs the export with a progress line,
// prints the summary, and turns failures into a message and an exit code
// (a stack trace only with --debug).
import { DeckError } from '../deck/model.ts';
import { formatProblem } from '../shared/problem.ts';
import { displayPath } from '../project/readSources.ts';
import { ArgsError, EXPORT_HELP, parseExportArgs, type ExportOptions } from './args.ts';
import { FORMAT_LABEL } from './registry.ts';
import { ExportTimeoutError, OutputError } from './errors.ts';
import { BrowserCrashError } from '../browser/crashSignal.ts';
import { Progress } from './progress.ts';
import { FindingsError } from './pipeline/gate.ts';
import { SlideRangeError } from './range.ts';
import { EXIT } from '../shared/exitCodes.ts';
import { plural } from '../shared/plural.ts';
import { refuseForeignFile, refuseSourceOutput } from '../project/outputSafety.ts';

/** Exit codes, as documented in --help: the same as every command's (src/process/errors.ts). */
export const EXPORT_EXIT = EXIT;

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** What to print for a failed export, and the exit code. */
export function describeFailure(error: unknown): { code: number; lines: string[] } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DeckError) {
    const errors = error.problems.filter((p) => p.level === 'error').length;
    const why =
      errors > 0 ? `the deck has ${plural(errors, 'error')}` : `--strict, and the deck has ${plural(error.problems.length, 'warning')}`;
    // Found on the laid-out slides: the deck built, and --force could write it.
    const kept = error instanceof FindingsError ? '; nothing written, the previous output is kept (--force writes it anyway)' : '';
    return { code: EXPORT_EXIT.deck, lines: [...error.problems.map(formatProblem), `export: stopped, ${why}${kept}`] };
  }
  // By name: src/browser/findBrowser.ts imports Puppeteer, which --help need not load.
  if (error instanceof Error && error.name === 'BrowserNotFoundError')
    return { code: EXPORT_EXIT.noBrowser, lines: [`export: ${message}`] };
  if (error instanceof ExportTimeoutError || error instanceof BrowserCrashError)
    return { code: EXPORT_EXIT.timeout, lines: [`export: ${message}`] };
  if (error instanceof ArgsError) return { code: EXPORT_EXIT.deck, lines: [`export: ${message}`] };
  if (error instanceof SlideRangeError) return { code: EXPORT_EXIT.deck, lines: [`export: ${message} (see --help)`] };
  if (error instanceof OutputError) return { code: EXPORT_EXIT.deck, lines: [`export: ${message}`] };
  // Puppeteer's errors when Chromium goes away mid-command.
  if (
    error instanceof Error &&
    /Target closed|Session closed|Protocol error|Connection closed|Navigating frame was detached/i.test(message)
  ) {
    return { code: EXPORT_EXIT.timeout, lines: [`export: the browser failed: ${message.split('\n')[0]}`] };
  }
  return { code: EXPORT_EXIT.deck, lines: [`export: ${message}`] };
}

export async function exportCommand(argv: string[]): Promise<number> {
  let options: ExportOptions | 'help';
  try {
    options = parseExportArgs(argv);
  } catch (error) {
    const { code, lines } = describeFailure(error);
    for (const line of lines) console.error(line);
    return code;
  }
  if (options === 'help') {
    console.log(EXPORT_HELP);
    return EXPORT_EXIT.ok;
  }
  try {
    // Before anything is written: never over a source, nor over a file not of the kind written
    // (a PNG folder is replaced only if it holds nothing but PNGs: src/project/atomicFile.ts).
    refuseSourceOutput(options.out, options.slidesDir);
    if (options.format !== 'png') refuseForeignFile(options.out, options.format);
  } catch (error) {
    console.error(`export: ${error instanceof Error ? error.message : String(error)}`);
    return EXPORT_EXIT.deck;
  }
  const started = performance.now();
  const progress = new Progress();
  const log = options.debug ? (line: string) => progress.line(line, process.stderr) : undefined;
  try {
    // --watch: a session that re-exports on every save until interrupted (watch.ts).
    if (options.watch) return await (await import('./watch.ts')).watchExport(options, progress, log);
    const { exportDeck } = await import('./exportDeck.ts');
    const result = await exportDeck(options, progress, log);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const unit = options.format === 'pdf' ? 'page' : options.format === 'pptx' ? 'slide' : 'picture';
    const what = plural(result.pages, unit) + (result.pages !== result.slides ? ` (${result.slides} slides)` : '');
    const where = options.format === 'png' ? `${displayPath(result.file)}/` : displayPath(result.file);
    progress.line(`${FORMAT_LABEL[options.format]} written: ${where} — ${what}, ${size(result.bytes)}, ${seconds} s`);
    if (options.verbose) {
      for (const line of progress.timingLines()) progress.line(line);
      const { reused, total } = result.diagrams;
      if (total > 0) progress.line(`  diagrams: ${reused} of ${total} as drawn by an earlier export, ${total - reused} drawn now`);
    }
    return EXPORT_EXIT.ok;
  } catch (error) {
    progress.end();
    const { code, lines } = describeFailure(error);
    for (const line of lines) console.error(line);
    if (options.debug && error instanceof Error && error.stack) console.error(error.stack);
    if (options.verbose) for (const line of progress.timingLines()) progress.line(line, process.stderr);
    return code;
  }
}
