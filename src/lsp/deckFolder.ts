// Which deck an open file belongs to, if any: the language server checks a
// Markdown file only as a part of its deck (the folder of .md files `check`
// would read), and leaves every other file alone — no diagnostics, no errors.
// A folder is a deck when it is the project's slides/, or when one of its .md
// files (on disk or in the editor) starts with front matter (`---`), as every
// deck's first file does; never the project folder itself (README.md), nor
// node_modules/, .git/, assets/, themes/ or a build's output.
import { existsSync, openSync, readSync, closeSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { BUILD_MARKER } from '../project/outputSafety.ts';
import { PROJECT_ROOT } from '../project/paths.ts';

/** The project's folders that hold no deck. */
const NOT_DECKS = ['node_modules', '.git', 'assets', 'themes'];

function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** Whether a file on disk starts with a front-matter fence. */
function startsWithFrontMatter(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(8);
    const n = readSync(fd, head, 0, 8, 0);
    return /^(\uFEFF)?---\r?\n/.test(head.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a place may hold a deck at all. */
function placeAllowed(dir: string): boolean {
  const project = real(PROJECT_ROOT);
  const rel = path.relative(project, real(dir));
  if (rel === '') return false;
  const inside = !rel.startsWith('..') && !path.isAbsolute(rel);
  if (inside && NOT_DECKS.includes(rel.split(path.sep)[0])) return false;
  return !existsSync(path.join(dir, BUILD_MARKER));
}

export class DeckFolders {
  private readonly known = new Map<string, { deck: boolean; at: number }>();

  /**
   * The deck folder of `file` (absolute), or undefined. `editing`: the texts
   * the editor holds for files of that folder (a new deck not yet saved).
   * A folder found to be a deck stays one; one that is not is asked again
   * after a few seconds (its first file may be being written).
   */
  deckOf(file: string, editing: (dir: string) => string[] = () => []): string | undefined {
    if (!/\.md$/i.test(file)) return undefined;
    const dir = path.dirname(path.resolve(file));
    const seen = this.known.get(dir);
    if (seen && (seen.deck || Date.now() - seen.at < 3000)) return seen.deck ? dir : undefined;
    const deck = placeAllowed(dir) && (real(dir) === real(path.join(PROJECT_ROOT, 'slides')) || this.hasFrontMatter(dir, editing(dir)));
    this.known.set(dir, { deck, at: Date.now() });
    return deck ? dir : undefined;
  }

  private hasFrontMatter(dir: string, texts: string[]): boolean {
    if (texts.some((t) => /^(\uFEFF)?---\r?\n/.test(t))) return true;
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => /\.md$/i.test(n));
    } catch {
      return false;
    }
    return names.some((n) => startsWithFrontMatter(path.join(dir, n)));
  }
}
