// slides/rehearsal.json: the time each slide stayed on screen in the last
// rehearsal, keyed by stable slide id (slideIds.ts). Written by the dev server
// (or downloaded from a built deck), read by build, dev and check, which put
// the times on the slides as reveal.js data-timing. It is not a slide:
// readSources reads only *.md. A broken file is a warning, never a failure.
import path from 'node:path';
import type { Problem } from '../shared/problem.ts';
import { contain, deckRoots, outsideMessage } from '../project/contain.ts';
import { FileTooLargeError, NotRegularFileError, readRegularFile } from '../project/regularFile.ts';

export const REHEARSAL_FILE = 'rehearsal.json';
export const REHEARSAL_VERSION = 1;
/** A rehearsal of a thousand slides is some 60 KB: a larger file is a mistake, and read at every build. */
export const MAX_REHEARSAL_BYTES = 1024 * 1024;

export interface Rehearsal {
  version: typeof REHEARSAL_VERSION;
  /** When it ended (ISO 8601). */
  recorded: string;
  /** Seconds on screen per slide id. */
  slides: Record<string, number>;
}

/** The shape check, for the file and for what a browser posts: the rehearsal, or what is wrong. */
export function parseRehearsal(value: unknown): Rehearsal | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const v = value as Record<string, unknown>;
  if (v.version !== REHEARSAL_VERSION) return `expected "version": ${REHEARSAL_VERSION}`;
  if (typeof v.recorded !== 'string' || Number.isNaN(Date.parse(v.recorded))) return 'expected "recorded": a date';
  if (typeof v.slides !== 'object' || v.slides === null || Array.isArray(v.slides)) return 'expected "slides": { "slide id": seconds }';
  const slides: Record<string, number> = {};
  for (const [id, seconds] of Object.entries(v.slides)) {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > 24 * 3600)
      return `"${id}": expected a number of seconds`;
    slides[id] = seconds;
  }
  return { version: REHEARSAL_VERSION, recorded: v.recorded, slides };
}

export function rehearsalPath(slidesDir: string): string {
  return path.join(path.resolve(slidesDir), REHEARSAL_FILE);
}

/** The folder's rehearsal, if any; a damaged file adds a warning with its place. */
export async function readRehearsal(slidesDir: string, shownFile: string, problems: Problem[]): Promise<Rehearsal | undefined> {
  const warn = (message: string) =>
    problems.push({
      pos: { file: shownFile, line: 1 },
      level: 'warning',
      message: `${message}; pacing ignores this rehearsal (rehearse again to rewrite it)`,
    });
  // Read only inside the deck's roots, like every file a deck reads (src/project/contain.ts).
  const where = contain(rehearsalPath(slidesDir), deckRoots(slidesDir));
  if (!where.ok) {
    if (!where.missing) warn(outsideMessage('this file', shownFile, rehearsalPath(slidesDir), where.real));
    return undefined;
  }
  let text: string;
  try {
    text = (await readRegularFile(where.real, MAX_REHEARSAL_BYTES)).toString('utf8');
  } catch (error) {
    // A FIFO would block every build for ever: an error naming it. A huge file: said, and ignored.
    if (error instanceof NotRegularFileError) problems.push({ pos: { file: shownFile, line: 0 }, level: 'error', message: error.message });
    if (error instanceof FileTooLargeError)
      warn(
        `the file is ${(error.bytes / 1024 / 1024).toFixed(1)} MB; a rehearsal file may be at most ${MAX_REHEARSAL_BYTES / 1024 / 1024} MB`,
      );
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    warn(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const parsed = parseRehearsal(value);
  if (typeof parsed === 'string') {
    warn(parsed);
    return undefined;
  }
  return parsed;
}

export function serializeRehearsal(rehearsal: Rehearsal): string {
  return `${JSON.stringify(rehearsal, null, 2)}\n`;
}

/**
 * What a finished rehearsal makes of the stored one: a partial rehearsal (a
 * few slides timed again) updates the slides it timed and keeps the others'
 * times; a fresh one (重新彩排) replaces them all. A stored value that is not
 * a rehearsal counts as none.
 */
export function mergeRehearsal(stored: unknown, posted: Rehearsal, fresh: boolean): Rehearsal {
  const before = stored === undefined ? undefined : parseRehearsal(stored);
  if (fresh || before === undefined || typeof before === 'string') return posted;
  return { version: REHEARSAL_VERSION, recorded: posted.recorded, slides: { ...before.slides, ...posted.slides } };
}
