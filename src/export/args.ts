// The options of `npm run export` and their --help text, parsed with
// node:util parseArgs; anything wrong is an ArgsError (a message, no stack).
import { parseArgs } from 'node:util';
import { parseRange, type RangePiece } from './range.ts';
import { HANDOUT_SIZES, type HandoutSize } from './handoutLayout.ts';

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
  --out FILE       the PDF to write (default: ${DEFAULT_OUT} in the current folder).
                   Written to a temporary file beside FILE and renamed into
                   place when complete: an interrupted export leaves an
                   existing FILE untouched.
  --notes          handout: each slide that has speaker notes is followed by a
                   page with its notes
  --fragments      one page per fragment step (a slide with n fragment steps
                   gives n+1 pages) instead of one page per slide
  --range LIST     only these slides, numbered from 1 in reading order:
                   e.g. 3-7,10 or 12- (to the end)
  --handout N      a handout instead: A4 portrait pages with a header (short
                   title, date) and a footer (第 N 页 / 共 M 页); N = 3: three
                   slides down the left, ruled lines for notes on the right;
                   N = 6: a 2×3 grid. With --notes each slide's notes are
                   printed beside (3) or under (6) it instead of the lines
  --watch          keep going: re-export on every save under the slides
                   folder, assets/ or themes/, in the same browser page, and
                   print how long it took (Ctrl+C ends it)
  --timeout S      give up when the page is not ready after S seconds, or
                   printing takes longer (default: ${DEFAULT_TIMEOUT_S}); names the
                   slides not ready
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
  /** --handout 3|6: slides per A4 handout page. */
  handout: HandoutSize | undefined;
  watch: boolean;
}

export class ArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgsError';
  }
}

/** The options, or 'help' when --help was given. */
export function parseExportArgs(argv: string[]): ExportOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        slides: { type: 'string', default: 'slides' },
        out: { type: 'string', short: 'o', default: DEFAULT_OUT },
        notes: { type: 'boolean', default: false },
        fragments: { type: 'boolean', default: false },
        range: { type: 'string' },
        timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_S) },
        verbose: { type: 'boolean', short: 'v', default: false },
        debug: { type: 'boolean', default: false },
        handout: { type: 'string' },
        watch: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new ArgsError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ArgsError(`--timeout: expected a number of seconds, got "${values.timeout}"`);
  if (values.out.trim() === '') throw new ArgsError('--out: expected a file name');
  const handout = values.handout === undefined ? undefined : (Number(values.handout) as HandoutSize);
  if (handout !== undefined && !HANDOUT_SIZES.includes(handout)) throw new ArgsError(`--handout: expected ${HANDOUT_SIZES.join(' or ')} slides per page, got "${values.handout}"`);
  if (handout !== undefined && values.fragments) throw new ArgsError('--handout prints each slide once: leave out --fragments');
  let range: RangePiece[] | undefined;
  try {
    range = values.range === undefined ? undefined : parseRange(values.range);
  } catch (error) {
    throw new ArgsError(error instanceof Error ? error.message : String(error));
  }
  return {
    slidesDir: values.slides,
    out: values.out,
    notes: values.notes,
    fragments: values.fragments,
    range,
    timeoutMs: Math.round(timeout * 1000),
    verbose: values.verbose,
    debug: values.debug,
    handout,
    watch: values.watch,
  };
}
