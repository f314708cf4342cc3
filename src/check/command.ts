// `npm run check`: the deck doctor on the command line. Prints each problem
// as `file:line: level: message` (or JSON), exits 1 on any error.
import { parseArgs } from 'node:util';
import { formatProblem } from '../deck/model.ts';
import { EXIT, reportFailure } from '../cli/errors.ts';
import { runCheck } from './runCheck.ts';
import { rehearsalReport } from './rehearsalReport.ts';
import type { Deck } from '../deck/model.ts';

export const CHECK_HELP = `Usage: npm run check -- [--slides DIR] [--json]

Builds the deck, renders every slide at 1280×720 in Chromium and lists each
problem as file:line: level: message — overflow (with the element and by how
many pixels), text under 24 px (diagram labels under 16 px), missing images,
broken links to slides, diagrams that do not parse or draw, empty slides,
Markdown left in the text, spaces between Chinese characters, glyphs the
bundled font lacks or that Chromium drew in a system font, unknown layouts,
classes and front-matter keys. After a rehearsal (slides/rehearsal.json, key R
in the speaker view) it reports the rehearsed total against the front
matter's duration and the five slowest slides.

  --slides DIR   the deck's Markdown files (default: slides)
  --json         print the problems as a JSON array instead
  --debug        print stack traces
  --help         this text

Exit codes: 0 no errors (warnings may be listed), 1 errors found,
2 no Chrome/Chromium found.`;

export async function checkCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      slides: { type: 'string', default: 'slides' },
      json: { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(CHECK_HELP);
    return EXIT.ok;
  }
  try {
    const tty = process.stderr.isTTY && !values.json;
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
    if (values.json) {
      console.log(JSON.stringify(problems.map((p) => ({ file: p.pos.file, line: p.pos.line, level: p.level, message: p.message })), null, 2));
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
