// The cleaned copy of an SVG picture (svgSanitizer.ts), by its file: what the
// build copies into dist/ or inlines, what the dev server serves, what the
// doctor reports. Cleaned once per content: kept in memory for this process
// and on disk under node_modules/.cache/iur-deck/svg/<sha256 of the source>.json,
// with the SHA-256 of the cleaned SVG inside, so a damaged entry is a miss
// (cleaned again), and a deck whose pictures are unchanged never loads the
// sanitiser's DOM. Synchronous: the Markdown rules that meet a picture are.
// The source file itself is only read, never rewritten.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from '../project/paths.ts';
import { writeAtomic } from '../project/atomicFile.ts';
import { sanitizeSvg, type SvgCleaning } from './svgSanitizer.ts';

/** Bump when the cleaning changes: older entries are then misses. */
const VERSION = 1;
const memory = new Map<string, SvgCleaning>();

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function cacheFile(key: string, dir: string): string {
  return path.join(dir, 'svg', `${key}.json`);
}

function readCached(file: string): SvgCleaning | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; svg?: string; sha256?: string; removed?: string[] };
    const ok =
      entry.version === VERSION &&
      typeof entry.svg === 'string' &&
      entry.sha256 === sha256(entry.svg) &&
      Array.isArray(entry.removed) &&
      entry.removed.every((r) => typeof r === 'string');
    return ok ? { svg: entry.svg as string, removed: entry.removed as string[] } : undefined;
  } catch {
    return undefined;
  }
}

/** The cleaning of the SVG at `file` (its bytes as read now). */
export function cleanSvgFile(file: string, cacheDir = CACHE_DIR): SvgCleaning {
  const bytes = readFileSync(file);
  const store = cacheFile(`${VERSION}-${sha256(bytes)}`, cacheDir);
  const known = memory.get(store);
  if (known) return known;
  let result = readCached(store);
  if (!result) {
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = undefined;
    }
    result = text === undefined ? { error: 'it is not UTF-8 text: save it as UTF-8' } : sanitizeSvg(text);
    if (!('error' in result)) {
      const entry = { version: VERSION, sha256: sha256(result.svg), svg: result.svg, removed: result.removed };
      // Kept for the next run; a failed or unfinished write is only a miss then.
      writeAtomic(store, JSON.stringify(entry), { durable: false }).catch(() => undefined);
    }
  }
  memory.set(store, result);
  return result;
}
