// The options of `npm run export` and their --help text, parsed with
// the command line's one parser (src/cli/args.ts); anything wrong is an
// ArgsError (a message, no stack).
import { ArgsError, parseCommandArgs } from '../cli/args.ts';
import { parseRange, type RangePiece } from './range.ts';
import { defaultOutput } from '../cli/defaultOutputs.ts';

export const DEFAULT_OUT = 'deck.pdf';
export const DEFAULT_TIMEOUT_S = 60;

export const EXPORT_HELP = `Usage: npm run export -- [options]

Builds the deck (in-process, never from a stale dist/), serves it on
127.0.0.1, prints it with headless Chromium and writes one PDF: one 16:9 page
(1280×720 px = 960×540 pt) per slide with all fragments shown, text and fonts
embedded as vector (searchable), bookmarks per part and slide title,
metadata from the front matter. A diagram drawn by an earlier export (same
source, code and browser) is reused from node_modules/.cache/iur-deck/diagrams/.

  --slides DIR     the deck's Markdown files (default: slides)
  --out FILE       the PDF to write (default: ${DEFAULT_OUT} in the current folder;
                   for another slides folder, e.g. mytalk/: mytalk.pdf).
                   Written to a temporary file beside FILE and renamed into
                   place when complete: an interrupted export leaves an
                   existing FILE untouched.
  --notes          handout: each slide that has speaker notes is followed by a
                   page with its notes
  --fragments      one page per fragment step (a slide with n fragment steps
                   gives n+1 pages) instead of one page per slide
  --range LIST     only these slides, numbered from 1 in reading order:
                   e.g. 3-7,10 or 12- (to the end)
  --timeout S      give up when the page is not ready after S seconds, or
                   printing takes longer than S seconds plus 0.1 s a page
                   (default: ${DEFAULT_TIMEOUT_S}); names the slides not ready
  --strict         stop, writing nothing, on any problem: warnings from the
                   sources and what the deck doctor finds on the laid-out
                   slides (overflow, dead links …), which are printed anyway
  --verbose        print the time of each stage, and how many diagrams were reused
  --debug          print stack traces and the browser's console
  --help           this text

Needs Chrome or Chromium: PUPPETEER_EXECUTABLE_PATH, Puppeteer's configuration,
or a system install (/usr/bin/chromium, google-chrome). Never downloads one.

Exit codes:
  0  PDF written
  1  the deck has errors (listed as file:line: level: message), bad options,
     or FILE cannot be written
  2  no Chrome/Chromium found
  3  timed out (the slides not ready are named) or the browser crashed`;

export interface ExportOptions {
  slidesDir: string;
  out: string;
  notes: boolean;
  fragments: boolean;
  range: RangePiece[] | undefined;
  timeoutMs: number;
  verbose: boolean;
  debug: boolean;
  /** Stop on warnings too (the sources' and the doctor's), before writing. */
  strict: boolean;
}

export { ArgsError };

/** The options, or 'help' when --help was given. */
export function parseExportArgs(argv: string[]): ExportOptions | 'help' {
  const values = parseCommandArgs(argv, {
    out: { type: 'string', short: 'o' },
    notes: { type: 'boolean', default: false },
    fragments: { type: 'boolean', default: false },
    range: { type: 'string' },
    timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_S) },
    verbose: { type: 'boolean', short: 'v', default: false },
    strict: { type: 'boolean', default: false },
  });
  if (values.help) return 'help';
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ArgsError(`--timeout: expected a number of seconds above 0, got "${values.timeout}" (see --help)`);
  const out = values.out ?? defaultOutput(values.slides, 'pdf');
  if (out.trim() === '') throw new ArgsError('--out: expected a file name (see --help)');
  let range: RangePiece[] | undefined;
  try {
    range = values.range === undefined ? undefined : parseRange(values.range);
  } catch (error) {
    throw new ArgsError(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  return {
    slidesDir: values.slides,
    out,
    notes: values.notes,
    fragments: values.fragments,
    range,
    timeoutMs: Math.round(timeout * 1000),
    verbose: values.verbose,
    debug: values.debug,
    strict: values.strict,
  };
}
