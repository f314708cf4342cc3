// `npm run new -- NAME`: a starter deck in the folder NAME, made from
// src/starter/deck/: three Markdown files that show every line of the README's
// syntax table (front matter, title page, outline, divider, fragments, notes,
// columns, cards, table, diagram, picture, a vertical slide …) and the picture
// they use. It never writes into a folder that holds anything, nor anywhere
// but a folder of its own inside the project (newTarget.ts).
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../project/paths.ts';
import { EXIT } from '../shared/exitCodes.ts';
import { placeRefusal, shellWord } from './newTarget.ts';

/** The starter deck's sources. */
export const STARTER_DIR = path.join(PROJECT_ROOT, 'src', 'starter', 'deck');

export const NEW_HELP = `Usage: npm run new -- NAME

Writes a starter deck into the folder NAME (created; it must not exist or be
empty): three Markdown files that show each feature of the README's syntax
table, and the picture one slide uses.

NAME is a folder inside the project (mytalk, talks/2024-autumn; relative to
the project folder, or absolute), where every command finds it: not outside
the project (../outside, /tmp/x: refused, also through a symlink), and not in
the project's own src/, tests/, assets/, themes/, slides/ or node_modules/.
Then:

  npm run dev -- --slides NAME       the deck, live as you edit it
  npm run check -- --slides NAME     the deck doctor
  npm run export -- --slides NAME    NAME.pdf

Exit codes: 0 written, 1 no NAME, NAME is not an empty folder, or not a
place for a deck (outside the project, or in one of its own folders).`;

/** Why `dir` may not receive the starter deck, or undefined when it may. */
export function refusal(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  if (!statSync(dir).isDirectory()) return `${dir} exists and is not a folder`;
  const entries = readdirSync(dir);
  return entries.length > 0
    ? `${dir} is not empty (it holds ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}): choose a new name; nothing was written`
    : undefined;
}

export function newCommand(argv: string[]): number {
  let values: { help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    console.error(`new: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (see --help)`);
    return EXIT.deck;
  }
  if (values.help) {
    console.log(NEW_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1 || positionals[0].trim() === '') {
    console.error('new: name the folder to write, e.g. npm run new -- mytalk (see --help)');
    return EXIT.deck;
  }
  const dir = positionals[0];
  const refused = placeRefusal(dir) ?? refusal(dir);
  if (refused) {
    console.error(`new: ${refused}`);
    return EXIT.deck;
  }
  // The folder is new or empty (refusal() above), so nothing can be overwritten. No errorOnExist:
  // Node 24's cp refuses an existing destination folder with it, even an empty one.
  mkdirSync(dir, { recursive: true });
  cpSync(STARTER_DIR, dir, { recursive: true, force: false });
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  const shown = dir.replace(/\/+$/, '');
  const word = shellWord(shown);
  console.log(`new: wrote ${shown}/: ${files.join(', ')} and images/picture.svg`);
  console.log(`  npm run dev -- --slides ${word}       the deck on http://localhost:5173/, live as you edit it`);
  console.log(`  npm run check -- --slides ${word}     the deck doctor`);
  console.log(`  npm run export -- --slides ${word}    ${path.basename(shown)}.pdf`);
  return EXIT.ok;
}
