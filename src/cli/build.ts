// `iur-deck build [--slides DIR] [--out DIR] [--single]`: the static deck.
import { parseCommandArgs } from '../process/args.ts';
import { stat } from 'node:fs/promises';
import { buildDeck } from '../builder/buildDeck.ts';
import { reportFailure } from '../process/errors.ts';
import { EXIT } from '../shared/exitCodes.ts';
import { formatProblem } from '../shared/problem.ts';
import { displayPath } from '../project/readSources.ts';
import { defaultOutput } from '../project/defaultOutputs.ts';
import { plural } from '../shared/plural.ts';

export const BUILD_HELP = `Usage: npm run build -- [--slides DIR] [--out DIR] [--single]

Builds the deck into a static folder (relative paths: works from any folder of
any static host, and offline).

  --slides DIR   the deck's Markdown files (default: slides)
  --out DIR      where to write it (default: dist, with --single dist-single;
                 for another slides folder, e.g. mytalk/: dist-mytalk,
                 dist-single-mytalk)
  --single       one self-contained index.html (scripts, styles, font inlined)
                 that opens from file:// by double-click
  --debug        print stack traces
  --help         this text

Exit codes: 0 built, 1 the deck has errors (listed as file:line: message).`;

export async function buildCommand(argv: string[]): Promise<number> {
  const values = parseCommandArgs(argv, { out: { type: 'string' }, single: { type: 'boolean', default: false } });
  if (values.help) {
    console.log(BUILD_HELP);
    return EXIT.ok;
  }
  const started = performance.now();
  const outDir = values.out ?? defaultOutput(values.slides, values.single ? 'single' : 'dist');
  try {
    const result = await buildDeck({ slidesDir: values.slides, outDir, single: values.single, quiet: true });
    for (const p of result.problems) console.error(formatProblem(p));
    const size = (await stat(result.indexHtml)).size;
    const ms = Math.round(performance.now() - started);
    const what = values.single ? `${displayPath(result.indexHtml)} (${(size / 1024).toFixed(0)} KB)` : `${displayPath(result.outDir)}/`;
    console.log(`built ${plural(result.deck.slides.length, 'slide')} → ${what} in ${ms} ms`);
    // What needs the laid-out page (overflow, tiny text, dead links, fonts) only a browser can see.
    console.log('layout problems (overflow, text size, links, fonts) are checked by: npm run check');
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, values.debug);
  }
}
