// The options of `npm run export` and their --help text, parsed with
// the command line's one parser (src/process/args.ts); anything wrong is an
// ArgsError (a message, no stack).
import path from 'node:path';
import { ArgsError, parseCommandArgs } from '../process/args.ts';
import { FORMATS, type Format } from './registry.ts';
import { parseRange, type RangePiece } from './range.ts';
import { defaultOutput, type OutputKind } from '../project/defaultOutputs.ts';
import { DEFAULT_PNG_WIDTH, HANDOUT_SIZES, type HandoutSize } from './contract.ts';

export const DEFAULT_OUT = 'deck.pdf';
/** The default output of each format. */
export const DEFAULT_OUTS: Record<Format, string> = { pdf: DEFAULT_OUT, pptx: 'deck.pptx', png: 'deck-png' };
export const DEFAULT_TIMEOUT_S = 60;

export const EXPORT_HELP = `Usage: npm run export -- [options]

Builds the deck (in-process, never from a stale dist/), serves it on
127.0.0.1, opens it in headless Chromium's print view and writes one of:

  PDF         one 16:9 page (1280×720 px = 960×540 pt) per slide with all
              fragments shown, text and fonts embedded as vector
              (searchable), bookmarks per part and slide title, metadata
              from the front matter
  PowerPoint  (.pptx) the same layout as editable PowerPoint: a text box per
              heading, paragraph and list, native tables, diagrams as SVG
              pictures with a PNG fallback, fragment steps as click
              animations, speaker notes in the notes pane (each step
              named), one section per part, document properties
  PNG         one picture per slide (--width px wide, default ${DEFAULT_PNG_WIDTH}) in
              a folder

A diagram drawn by an earlier export (same source, code and browser) is
reused from node_modules/.cache/iur-deck/diagrams/.

  --slides DIR     the deck's Markdown files (default: slides)
  --out FILE       the file to write (default: ${DEFAULT_OUT}, or ${DEFAULT_OUTS.pptx}, in the
                   current folder; for another slides folder, e.g. mytalk/:
                   mytalk.pdf, mytalk.pptx; a handout or notes PDF has a
                   name of its own: mytalk-handout-3.pdf, mytalk-handout-6.pdf,
                   mytalk-notes.pdf, deck-handout-3.pdf for the talk, so it
                   never replaces the slide PDF); for PNG the folder
                   (default: ${DEFAULT_OUTS.png}; a .png ending is dropped:
                   --out talk.png writes talk/),
                   which may be replaced only if it holds nothing but PNGs.
                   Written to a temporary file (folder) beside FILE and
                   renamed into place when complete: an interrupted export
                   leaves an existing FILE untouched.
  --format F       pdf, pptx or png (default: from FILE's ending, else pdf)
  --width PX       PNG width in px (default: ${DEFAULT_PNG_WIDTH}; height 9/16 of it)
  --notes          PDF handout: each slide that has speaker notes is followed
                   by a page with its notes (PowerPoint always has them in its
                   notes pane)
  --fragments      PDF: one page per fragment step (a slide with n fragment
                   steps gives n+1 pages) instead of one page per slide
  --annotations    the pen's drawings from the slides folder's annotations.json
                   on their slides, as vector paths (with --fragments from the
                   step they were drawn at on); PDF, handout and PNG; in
                   PowerPoint each stroke a freeform shape
  --rehearsed-timings
                   PowerPoint: each slide advances by itself after the time it
                   had in the last rehearsal (the slides folder's
                   rehearsal.json), its steps spread evenly over that time,
                   so the file can run as an unattended loop; without it
                   every slide and step waits for a click
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
                   printing takes longer than S seconds plus 0.1 s a page
                   (default: ${DEFAULT_TIMEOUT_S}); names the slides not ready
  --strict         stop, writing nothing, on any problem: warnings from the
                   sources and what the deck doctor finds on the laid-out
                   slides (overflow, dead links …), which are printed anyway
  --force          write the output even when the deck doctor finds errors on
                   the laid-out slides (overflow, a picture that did not load),
                   which otherwise stop the export, exit 1, the previous
                   output kept; says that it does
  --verbose        print the time of each stage, and how many diagrams were reused
  --debug          print stack traces and the browser's console
  --help           this text

Needs Chrome or Chromium: PUPPETEER_EXECUTABLE_PATH, Puppeteer's configuration,
or a system install (/usr/bin/chromium, google-chrome). Never downloads one.

Exit codes:
  0  written (warnings are printed and written; with --force, errors too)
  1  the deck has errors (listed as file:line: level: message: in the
     sources, or found by the doctor on the laid-out slides), nothing
     written; bad options; or FILE cannot be written
  2  no Chrome/Chromium found
  3  timed out (the slides not ready are named) or the browser crashed`;

export interface ExportOptions {
  slidesDir: string;
  /** The file to write, or for PNG the folder. */
  out: string;
  format: Format;
  /** PNG width in px. */
  pngWidth: number;
  notes: boolean;
  fragments: boolean;
  /** --annotations: the pen's drawings (slides/annotations.json) on their slides. */
  annotations: boolean;
  range: RangePiece[] | undefined;
  timeoutMs: number;
  verbose: boolean;
  debug: boolean;
  /** Stop on warnings too (the sources' and the doctor's), before writing. */
  strict: boolean;
  /** Write even when the doctor finds errors (or, with strict, warnings) on the laid-out slides. */
  force: boolean;
  /** --handout 3|6: slides per A4 handout page. */
  handout: HandoutSize | undefined;
  watch: boolean;
  /** --rehearsed-timings (PowerPoint): each slide's rehearsed time as its advance time. */
  rehearsedTimings: boolean;
}

export { ArgsError };

/** The options, or 'help' when --help was given. */
export function parseExportArgs(argv: string[]): ExportOptions | 'help' {
  const values = parseCommandArgs(argv, {
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    width: { type: 'string', default: String(DEFAULT_PNG_WIDTH) },
    notes: { type: 'boolean', default: false },
    fragments: { type: 'boolean', default: false },
    annotations: { type: 'boolean', default: false },
    range: { type: 'string' },
    timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_S) },
    verbose: { type: 'boolean', short: 'v', default: false },
    strict: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    handout: { type: 'string' },
    watch: { type: 'boolean', default: false },
    'rehearsed-timings': { type: 'boolean', default: false },
  });
  if (values.help) return 'help';
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new ArgsError(`--timeout: expected a number of seconds above 0, got "${values.timeout}" (see --help)`);
  const format = formatOf(values.format, values.out);
  const out = outOf(format, values.out, values.slides, outputKind(format, values.handout, values.notes));
  refuseOtherFormats(format, values);
  const width = Number(values.width);
  if (!Number.isInteger(width) || width < 320 || width > 7680)
    throw new ArgsError(`--width: expected a whole number of px from 320 to 7680, got "${values.width}" (see --help)`);
  const handout = values.handout === undefined ? undefined : (Number(values.handout) as HandoutSize);
  if (handout !== undefined && !HANDOUT_SIZES.includes(handout))
    throw new ArgsError(`--handout: expected ${HANDOUT_SIZES.join(' or ')} slides per page, got "${values.handout}" (see --help)`);
  if (handout !== undefined && values.fragments)
    throw new ArgsError('--handout prints each slide once: leave out --fragments (see --help)');
  if (handout !== undefined && format !== 'pdf')
    throw new ArgsError(`--handout makes a PDF, not ${format === 'pptx' ? 'a PowerPoint file' : 'PNGs'} (see --help)`);
  let range: RangePiece[] | undefined;
  try {
    range = values.range === undefined ? undefined : parseRange(values.range);
  } catch (error) {
    throw new ArgsError(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  return {
    slidesDir: values.slides,
    out,
    format,
    pngWidth: width,
    notes: values.notes,
    fragments: values.fragments,
    annotations: values.annotations,
    range,
    timeoutMs: Math.round(timeout * 1000),
    verbose: values.verbose,
    debug: values.debug,
    strict: values.strict,
    force: values.force,
    handout,
    watch: values.watch,
    rehearsedTimings: values['rehearsed-timings'],
  };
}

/** Options that belong to another format than the one chosen: an error saying so. */
function refuseOtherFormats(
  format: Format,
  values: { notes: boolean; fragments: boolean; watch: boolean; 'rehearsed-timings': boolean },
): void {
  if (format !== 'pdf' && values.notes)
    throw new ArgsError(
      `--notes makes a PDF handout; a ${format === 'pptx' ? 'PowerPoint file has the notes in its notes pane' : 'PNG has no notes'} (see --help)`,
    );
  if (format !== 'pdf' && values.fragments)
    throw new ArgsError(
      `--fragments is for the PDF; ${format === 'pptx' ? 'PowerPoint gets one slide per slide, its fragment steps as click animations' : 'PNG gets one slide per slide, all fragments shown'} (see --help)`,
    );
  if (format !== 'pptx' && values['rehearsed-timings'])
    throw new ArgsError(
      `--rehearsed-timings sets PowerPoint's advance times; a ${format === 'png' ? 'PNG' : 'PDF'} does not advance (export --out talk.pptx --rehearsed-timings, see --help)`,
    );
  if (values.watch && format !== 'pdf')
    throw new ArgsError(
      `--watch keeps a PDF (or a handout) current; export ${format === 'pptx' ? 'PowerPoint' : 'PNG'} once, without --watch (see --help)`,
    );
}

/** --format, else the ending of --out, else PDF; a contradiction is an error. */
function formatOf(given: string | undefined, out: string | undefined): Format {
  const ending = out ? path.extname(out).slice(1).toLowerCase() : '';
  const fromEnding = (FORMATS as readonly string[]).includes(ending) ? (ending as Format) : undefined;
  if (given === undefined) return fromEnding ?? 'pdf';
  const format = given.toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format))
    throw new ArgsError(`--format: expected one of ${FORMATS.join(', ')}, got "${given}" (see --help)`);
  if (fromEnding && fromEnding !== format) throw new ArgsError(`--format ${format} but --out ${out} ends in .${ending} (see --help)`);
  return format as Format;
}

/** The kind of output, which names the default file: a handout or notes PDF is not the slide PDF. */
function outputKind(format: Format, handout: string | undefined, notes: boolean): OutputKind {
  if (format !== 'pdf') return format;
  if (handout === '3' || handout === '6') return notes ? `handout-${handout}-notes` : `handout-${handout}`;
  return notes ? 'notes' : 'pdf';
}

/** The output path: the default of its kind for this slides folder, and for PNG the folder (a .png ending dropped). */
function outOf(format: Format, out: string | undefined, slidesDir: string, kind: OutputKind): string {
  if (out === undefined) return defaultOutput(slidesDir, kind);
  if (out.trim() === '') throw new ArgsError('--out: expected a file name (see --help)');
  if (format === 'png' && /\.png$/i.test(out)) return out.slice(0, -'.png'.length);
  return out;
}
