// The options of `npm run bench` and its --help text.
import { parseCommandArgs } from '../process/args.ts';

export const BENCH_HELP = `Usage: npm run bench -- [--slides DIR] [--runs N] [--quick] [--no-scale] [--json FILE]

Measures what users wait for, on the talk (slides/) and on a generated deck
ten times its size (in a temporary folder): npm run export (wall time, its
stages, peak memory of the whole process tree), the same print view frozen to
static HTML and printed by a fresh Chromium (the floor the export is measured
against), npm run build (cold, warm,
--single), npm run dev to the first slide, HMR after saving a slide, the
language server (a keystroke and a save in the largest slide file to their
diagnostics, its memory, the deck in dev following the cursor), the memory
of npm run present once built and idle, the live hub of present --remote (a
slide change reaching 100 and 300 followers), and the
bytes of dist/, of what slide 1 fetches, of the single-file build, of the PDF
and of the font subset. Prints a table with the targets beside the figures and
writes it as JSON. Never fails on a time: exit 1 only if it could not run.

  --slides DIR  the deck to measure (default: slides, the talk); the 10× deck
                is made from it
  --runs N      measured runs of each timed figure, after one warm-up (default 5)
  --quick       1 run, no warm-up, no 10× deck (for development)
  --no-scale    skip the 10× deck
  --json FILE   where to write the figures (default .bench/latest.json; a
                dated copy is kept beside it)
  --debug       print stack traces
  --help        this text`;

export interface BenchOptions {
  runs: number;
  warmups: number;
  quick: boolean;
  scale: boolean;
  json: string;
  slidesDir: string;
}

/** What every figure is measured on, and how often: each figure's options add their own. */
export interface FigureOptions {
  projectRoot: string;
  slidesDir: string;
  runs: number;
  warmups: number;
  timeoutMs: number;
  onRun?: (label: string, ms: number) => void;
}

export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const values = parseCommandArgs(argv, {
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-scale': { type: 'boolean', default: false },
    json: { type: 'string', default: '.bench/latest.json' },
  });
  if (values.help) return 'help';
  const runs = values.runs === undefined ? (values.quick ? 1 : 5) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number ≥ 1, got "${values.runs}"`);
  return {
    runs,
    warmups: values.quick ? 0 : 1,
    quick: values.quick,
    scale: !values.quick && !values['no-scale'],
    json: values.json,
    slidesDir: values.slides,
  };
}
