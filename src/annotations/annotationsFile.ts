// Reads slides/annotations.json for build, dev, check and export. A damaged,
// oversized or hostile file is a warning with file:line and the deck builds
// without drawings; ids no slide has any more are named and kept in the data
// (so the next save from the dev server does not drop them). Read only inside
// the deck's roots, like every file a deck reads (src/project/contain.ts).
import { FileTooLargeError, readRegularFile } from '../project/regularFile.ts';
import path from 'node:path';
import { plural } from '../shared/plural.ts';
import type { Problem } from '../shared/problem.ts';
import { contain, deckRoots, outsideMessage } from '../project/contain.ts';
import {
  ANNOTATIONS_FILE,
  MAX_ANNOTATION_BYTES,
  isShapeProblem,
  lineOfKey,
  parseAnnotations,
  type Annotations,
} from '../shared/annotations.ts';

export function annotationsPath(slidesDir: string): string {
  return path.join(path.resolve(slidesDir), ANNOTATIONS_FILE);
}

/** Where JSON.parse stops: the shortest prefix that fails other than by ending early (V8's messages do not always say). */
function errorOffset(text: string): number {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/end of (JSON )?input|Unterminated/i.test(message)) return false;
      // "Expected ',' or '}' … at position N" with N at the prefix's end: it only ended early.
      const at = /at position (\d+)/.exec(message);
      return !at || Number(at[1]) < length;
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsInside(mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The line of a JSON.parse error: from V8's message when it says (Node 22+: line, older: position), else found. */
export function jsonErrorLine(text: string, message: string): number {
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : errorOffset(text);
  return text.slice(0, offset).split('\n').length;
}

/** Only a regular file (a FIFO would block the read for ever: src/project/regularFile.ts), at most 8 MB. */
async function readLimited(file: string): Promise<{ text: string } | { size: number }> {
  try {
    return { text: new TextDecoder('utf-8', { fatal: false }).decode(await readRegularFile(file, MAX_ANNOTATION_BYTES)) };
  } catch (error) {
    if (error instanceof FileTooLargeError) return { size: error.bytes };
    throw error;
  }
}

/** The folder's drawings, if any; every problem is a warning at its place. */
export async function readAnnotations(
  slidesDir: string,
  shownFile: string,
  slideIds: readonly string[],
  problems: Problem[],
): Promise<Annotations | undefined> {
  const warn = (line: number, message: string) => problems.push({ pos: { file: shownFile, line }, level: 'warning', message });
  const ignored = 'the drawings in it are not shown (fix or delete the file; the slides are not affected)';
  const where = contain(annotationsPath(slidesDir), deckRoots(slidesDir));
  if (!where.ok) {
    if (!where.missing) warn(1, `${outsideMessage('this file', shownFile, annotationsPath(slidesDir), where.real)}; ${ignored}`);
    return undefined;
  }
  let read: { text: string } | { size: number };
  try {
    read = await readLimited(where.real);
  } catch (error) {
    warn(1, `cannot be read (${error instanceof Error ? error.message : String(error)}); ${ignored}`);
    return undefined;
  }
  if ('size' in read) {
    warn(
      1,
      `${(read.size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_ANNOTATION_BYTES / 1024 / 1024} MB an annotations file may be; ${ignored}`,
    );
    return undefined;
  }
  const { text } = read;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // One line: V8 quotes the text around the error, newlines and all.
    warn(jsonErrorLine(text, message), `not JSON: ${message.replace(/\s+/g, ' ').slice(0, 160)}; ${ignored}`);
    return undefined;
  }
  const parsed = parseAnnotations(value);
  if (isShapeProblem(parsed)) {
    warn(parsed.slide !== undefined ? lineOfKey(text, parsed.slide) : 1, `${parsed.message}; ${ignored}`);
    return undefined;
  }
  const known = new Set(slideIds);
  for (const id of Object.keys(parsed.slides)) {
    if (!known.has(id)) {
      const n = parsed.slides[id].length;
      warn(
        lineOfKey(text, id),
        `no slide has the id "${id}" (its heading or file renamed?): its ${plural(n, 'drawing')} are kept in the file but shown nowhere`,
      );
    }
  }
  return parsed;
}
