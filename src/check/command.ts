// `npm run check`: the deck doctor on the command line. Prints each problem
// as `file:line: level: message` (or JSON), exits 1 on any error.
import path from 'node:path';
import { writeFileAtomic } from '../project/atomicFile.ts';
import { displayPath } from '../project/readSources.ts';
import { formatProblem } from '../shared/problem.ts';
import { reportFailure } from '../process/errors.ts';
import { EXIT } from '../shared/exitCodes.ts';
import { parseCommandArgs } from '../process/args.ts';
import { runCheck } from './runCheck.ts';
import { rehearsalReport } from './rehearsalReport.ts';
import type { Deck } from '../deck/model.ts';

export const CHECK_HELP = `Usage: npm run check -- [--slides DIR] [--json [FILE]]

Builds the deck, renders every slide at 1280×720 in Chromium and lists each
problem as file:line: level: message — overflow (with the element and by how
many pixels), text under 24 px (diagram labels under 16 px), missing images,
broken links to slides, diagrams that do not parse or draw, empty slides
and slides with only a heading (not a divider, statement or {.title-only}),
Markdown left in the text, spaces between Chinese characters, glyphs the
bundled font lacks, text set in another font, unknown layouts, classes and
front-matter keys: the same findings export and dev report. After a rehearsal (slides/rehearsal.json, key R
in the speaker view) it reports the rehearsed total against the front
matter's duration and the five slowest slides.

  --slides DIR   the deck's Markdown files (default: slides)
  --json [FILE]  the problems as a JSON array, written to FILE, or printed
                 instead of the lines (then run npm with -s, which keeps its
                 banner off standard output: npm run -s check -- --json)
  --debug        print stack traces
  --help         this text

Exit codes: 0 no errors (warnings may be listed), 1 errors found,
2 no Chrome/Chromium found.`;

/** `--json` alone means standard output: it becomes `--json=-` (parseArgs has no optional values). */
export function jsonArgs(argv: string[]): string[] {
  return argv.flatMap((arg, i) => (arg === '--json' && (argv[i + 1] === undefined || argv[i + 1].startsWith('-')) ? ['--json=-'] : [arg]));
}

export async function checkCommand(argv: string[]): Promise<number> {
  const values = parseCommandArgs(jsonArgs(argv), { json: { type: 'string' } });
  if (values.help) {
    console.log(CHECK_HELP);
    return EXIT.ok;
  }
  try {
    const json = values.json;
    const tty = process.stderr.isTTY && json === undefined;
    let deck: Deck | undefined;
    const problems = await runCheck({
      slidesDir: values.slides,
      onDeck: (built) => {
        deck = built;
      },
      onProgress: tty ? (done, total) => process.stderr.write(`\rcheck: slide ${done}/${total}`) : undefined,
    });
    if (tty) process.stderr.write('\r\x1b[K');
    const errors = problems.filter((p) => p.level === 'error').length;
    if (json !== undefined) {
      const text = `${JSON.stringify(
        problems.map((p) => ({ file: p.pos.file, line: p.pos.line, level: p.level, message: p.message })),
        null,
        2,
      )}\n`;
      if (json === '-') process.stdout.write(text);
      else {
        const file = path.resolve(json);
        await writeFileAtomic(file, Buffer.from(text));
        console.log(`check: ${errors} error(s), ${problems.length - errors} warning(s) → ${displayPath(file)}`);
      }
    } else {
      for (const p of problems) console.log(formatProblem(p));
      for (const line of deck ? rehearsalReport(deck) : []) console.log(line);
      console.log(`check: ${errors} error(s), ${problems.length - errors} warning(s)`);
    }
    return errors > 0 ? EXIT.deck : EXIT.ok;
  } catch (error) {
    return reportFailure(error, values.debug);
  }
}
