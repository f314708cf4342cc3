// Lists and reads the deck's Markdown files: name order, UTF-8 only (a BOM is
// dropped), size-limited, each inside the deck's roots (a symlink to a file
// elsewhere is refused). Never writes anything.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from './model.ts';
import { contain, deckRoots, outsideMessage } from './contain.ts';

export interface SourceFile {
  /** Path as shown to users: relative to the working directory. */
  file: string;
  /** Absolute path (to resolve images and links relative to the file). */
  absolute?: string;
  text: string;
}

/** Larger files are refused: a slide this size is a mistake (a pasted dump). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : absolute;
}

/** 0-based line of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    let n: number;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return line;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return line;
    }
    i += n + 1;
  }
  return -1;
}

export async function readSources(dir: string, problems: Problem[]): Promise<SourceFile[]> {
  const shown = displayPath(dir);
  let names: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new Error('not a directory');
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.md')).sort();
  } catch {
    const isFile = await stat(dir).then((s) => s.isFile(), () => false);
    const message = isFile
      ? `this is a file, not a folder: --slides takes the folder that holds the .md files (--slides ${displayPath(path.dirname(dir))})`
      : `slides folder not found (give one with --slides DIR)`;
    problems.push({ pos: { file: shown, line: 0 }, level: 'error', message });
    return [];
  }
  if (names.length === 0) {
    problems.push({ pos: { file: shown, line: 0 }, level: 'error', message: 'no .md files in the slides folder' });
    return [];
  }
  const roots = deckRoots(dir);
  const files: SourceFile[] = [];
  for (const name of names) {
    const abs = path.join(dir, name);
    const file = displayPath(abs);
    const where = contain(abs, roots);
    if (!where.ok) {
      const message = where.missing ? 'a link to a file that does not exist' : outsideMessage('this slide file', file, abs, where.real);
      problems.push({ pos: { file, line: 1 }, level: 'error', message });
      continue;
    }
    if ((await stat(abs)).isDirectory()) {
      problems.push({ pos: { file, line: 1 }, level: 'error', message: 'this is a folder, not a slide file: rename it (a slide file ends in .md)' });
      continue;
    }
    const bytes = await readFile(abs);
    if (bytes.length > MAX_FILE_BYTES) {
      const mb = (bytes.length / 1024 / 1024).toFixed(1);
      problems.push({ pos: { file, line: 1 }, level: 'error', message: `file is ${mb} MB; a slide file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB (split it)` });
      continue;
    }
    const bad = firstInvalidUtf8Line(bytes);
    if (bad >= 0) {
      problems.push({ pos: { file, line: bad + 1 }, level: 'error', message: 'file is not UTF-8 (save it as UTF-8)' });
      continue;
    }
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    files.push({ file, absolute: abs, text });
  }
  return files;
}
