// What an output may replace, checked before anything is written: never the
// author's sources (the slides folder, assets/, themes/, the project itself),
// a folder only if it is empty or an earlier build of ours, a file only if it
// is an earlier export of the same kind. `--out` can so never delete or
// overwrite an author's work.
import { existsSync, openSync, readSync, closeSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.ts';
import { displayPath } from './readSources.ts';

/** A build writes this file into its folder: the folder is then ours to replace. */
export const BUILD_MARKER = '.iur-deck-build';

export class OutputRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputRefusedError';
  }
}

/** The real path of `p`, or of its nearest existing parent with the rest appended. */
function realish(p: string): string {
  const abs = path.resolve(p);
  let dir = abs;
  const rest: string[] = [];
  while (!existsSync(dir) && path.dirname(dir) !== dir) {
    rest.unshift(path.basename(dir));
    dir = path.dirname(dir);
  }
  try {
    return path.join(realpathSync.native(dir), ...rest);
  } catch {
    return abs;
  }
}

const within = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Refuses an output that is, contains or lies inside the slides folder,
 * assets/ or themes/, or that is or contains the project root.
 */
export function refuseSourceOutput(out: string, slidesDir: string): void {
  const target = realish(out);
  const shown = displayPath(path.resolve(out));
  const sources: [string, string][] = [
    [realish(slidesDir), 'the slides folder'],
    [realish(path.join(PROJECT_ROOT, 'assets')), 'assets/'],
    [realish(path.join(PROJECT_ROOT, 'themes')), 'themes/'],
  ];
  if (within(realish(PROJECT_ROOT), target)) {
    throw new OutputRefusedError(`--out ${shown} would replace the project itself: choose a folder inside it, such as dist/`);
  }
  for (const [dir, name] of sources) {
    if (within(target, dir) || within(dir, target)) {
      throw new OutputRefusedError(
        `--out ${shown} would write over ${name} (${displayPath(dir)}): choose an output outside the deck's sources`,
      );
    }
  }
}

/** A build replaces a folder only if it is empty or one of its own earlier builds. */
export function refuseForeignFolder(outDir: string): void {
  const dir = path.resolve(outDir);
  if (!existsSync(dir)) return;
  const shown = displayPath(dir);
  if (!statSync(dir).isDirectory()) throw new OutputRefusedError(`--out ${shown} is a file, not a folder: a build writes a folder`);
  const entries = readdirSync(dir);
  if (entries.length === 0 || entries.includes(BUILD_MARKER)) return;
  // A build from before the marker: the page carries the deck data, the licence lies beside it.
  const index = path.join(dir, 'index.html');
  if (entries.includes('FONT-LICENSE.txt') && existsSync(index) && readFileSync(index, 'utf8').includes('id="iur-deck-data"')) return;
  throw new OutputRefusedError(
    `${shown} holds files that are not an iur-deck build: the build would delete them. Choose another --out, or empty the folder yourself`,
  );
}

/** The first bytes of a file (what kind of file it is). */
function head(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Magic bytes of what an export writes. */
const MAGIC: Record<string, { bytes: string; name: string }> = {
  pdf: { bytes: '%PDF', name: 'a PDF' },
  pptx: { bytes: 'PK', name: 'a PowerPoint file' },
};

/** An export replaces an existing file only if it is of the kind it writes (an earlier export). */
export function refuseForeignFile(file: string, kind: keyof typeof MAGIC): void {
  const target = path.resolve(file);
  if (!existsSync(target)) return;
  const shown = displayPath(target);
  if (statSync(target).isDirectory()) throw new OutputRefusedError(`--out ${shown} is a folder: give a file name`);
  const { bytes, name } = MAGIC[kind];
  if (head(target, bytes.length).toString('latin1') !== bytes) {
    throw new OutputRefusedError(`--out ${shown} exists and is not ${name}: iur-deck will not overwrite it (choose another name)`);
  }
}
