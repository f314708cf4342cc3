// Lists and reads the deck's Markdown files: name order, UTF-8 only (a BOM is
// dropped), size-limited, each inside the deck's roots (a symlink to a file
// elsewhere is refused). Never writes anything.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../shared/problem.ts';
import { controlCharacterMessage, controlCharacters } from '../shared/textChecks.ts';
import { contain, deckRoots, loopMessage, outsideMessage, type Roots } from './contain.ts';
import { FileTooLargeError, NotRegularFileError, readRegularFile } from './regularFile.ts';

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

/** 0-based line of the first byte that is not valid UTF-8 (surrogates and overlong forms included), or -1. */
export function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    let n: number;
    // The allowed range of the second byte (Unicode's table 3-7): no overlong forms, no surrogates (ED A0..BF).
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return line;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return line;
    }
    i += n + 1;
  }
  return -1;
}

/** 0-based line of the first NUL byte, or -1: UTF-16 without a BOM is valid UTF-8 full of them. */
function firstNulLine(bytes: Uint8Array): number {
  const at = bytes.indexOf(0);
  if (at < 0) return -1;
  let line = 0;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** A warning per line (at most 5 per file) with a control character in it (src/shared/textChecks.ts). */
export function controlCharacterWarnings(file: string, text: string): Problem[] {
  const found: Problem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && found.length < 5; i++) {
    const [first] = controlCharacters(lines[i]);
    if (first) found.push({ pos: { file, line: i + 1 }, level: 'warning', message: controlCharacterMessage(first) });
  }
  return found;
}

/** A file's text as read: without a BOM, with \n line ends. */
function normalised(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function tooLargeMessage(bytes: number): string {
  return `file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a slide file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB (split it)`;
}

/** A source file, its control characters said. */
function sourceOf(file: string, absolute: string, text: string, problems: Problem[]): SourceFile {
  problems.push(...controlCharacterWarnings(file, text));
  return { file, absolute, text };
}

/** The deck's .md names in name order, or undefined (the problem said) when `dir` is no folder of them. */
async function sourceNames(dir: string, problems: Problem[], texts?: ReadonlyMap<string, string>): Promise<string[] | undefined> {
  const shown = displayPath(dir);
  let names: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new Error('not a directory');
    const edited = [...(texts?.keys() ?? [])].filter((f) => path.dirname(f) === dir).map((f) => path.basename(f));
    names = [...new Set([...(await readdir(dir)), ...edited])].filter((n) => n.toLowerCase().endsWith('.md')).sort();
  } catch {
    const isFile = await stat(dir).then(
      (s) => s.isFile(),
      () => false,
    );
    const message = isFile
      ? `this is a file, not a folder: --slides takes the folder that holds the .md files (--slides ${displayPath(path.dirname(dir))})`
      : `slides folder not found (give one with --slides DIR)`;
    problems.push({ pos: { file: shown, line: 0 }, level: 'error', message });
    return undefined;
  }
  if (names.length === 0) {
    problems.push({ pos: { file: shown, line: 0 }, level: 'error', message: 'no .md files in the slides folder' });
    return undefined;
  }
  return names;
}

/** One slide file read and checked, or undefined (its problem said). */
async function readSource(abs: string, roots: Roots, problems: Problem[], editing?: string): Promise<SourceFile | undefined> {
  const file = displayPath(abs);
  const where = contain(abs, roots);
  if (editing !== undefined && (where.ok || where.missing)) {
    // What the editor holds: the same checks as a file's bytes, but UTF-8 it already is.
    const size = Buffer.byteLength(editing);
    if (size <= MAX_FILE_BYTES) return sourceOf(file, abs, normalised(editing), problems);
    problems.push({ pos: { file, line: 1 }, level: 'error', message: tooLargeMessage(size) });
    return undefined;
  }
  if (!where.ok) {
    const message = !where.missing
      ? outsideMessage('this slide file', file, abs, where.real)
      : where.loop
        ? loopMessage('this slide file', file)
        : 'a link to a file that does not exist';
    problems.push({ pos: { file, line: 1 }, level: 'error', message });
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(abs, MAX_FILE_BYTES);
  } catch (error) {
    const message =
      error instanceof NotRegularFileError
        ? error.kind === 'a folder'
          ? 'this is a folder, not a slide file: rename it (a slide file ends in .md)'
          : error.message
        : error instanceof FileTooLargeError
          ? tooLargeMessage(error.bytes)
          : `cannot read it: ${error instanceof Error ? error.message : String(error)}`;
    problems.push({ pos: { file, line: 1 }, level: 'error', message });
    return undefined;
  }
  const bad = firstInvalidUtf8Line(bytes);
  const nul = firstNulLine(bytes);
  if (bad >= 0 || nul >= 0) {
    const utf16 = nul >= 0 && (bad < 0 || nul <= bad);
    const message = utf16 ? 'file is not UTF-8 (it holds NUL bytes: UTF-16? save it as UTF-8)' : 'file is not UTF-8 (save it as UTF-8)';
    problems.push({ pos: { file, line: (utf16 ? nul : bad) + 1 }, level: 'error', message });
    return undefined;
  }
  return sourceOf(file, abs, normalised(bytes.toString('utf8')), problems);
}

/**
 * @param texts the text of files being edited (absolute path → text, as an
 * editor holds them): read instead of the file on disk, and a new one not yet
 * saved taken as one of the deck's files.
 */
export async function readSources(dir: string, problems: Problem[], texts?: ReadonlyMap<string, string>): Promise<SourceFile[]> {
  const names = await sourceNames(dir, problems, texts);
  if (!names) return [];
  const roots = deckRoots(dir);
  const files: SourceFile[] = [];
  for (const name of names) {
    const abs = path.join(dir, name);
    const source = await readSource(abs, roots, problems, texts?.get(abs));
    if (source) files.push(source);
  }
  return files;
}
