// Remembers the SVG the page drew for each Mermaid diagram, so the next export
// of an unchanged diagram needn't load Mermaid at all. An SVG is reused only
// for the same source drawn by the same client shell (our browser code, theme,
// Mermaid and font versions: src/builder/clientShell.ts) in the same browser
// version; anything else is drawn afresh. One file per diagram, written
// atomically with a manifest of its size and hash (src/project/cacheManifest.ts): a
// changed SVG (hand-edited, truncated) is a cache miss, said in one line. The
// newest 500 are kept.
import { createHash } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_DIR } from '../project/paths.ts';
import { readVerifiedFile, removeVerifiedFile, sayRebuilt, writeVerifiedFile } from '../project/cacheManifest.ts';

export const DRAWN_DIAGRAMS_DIR = path.join(CACHE_DIR, 'diagrams');

/** What an SVG was drawn by. */
export interface DrawnBy {
  /** The client shell's cache key. */
  shell: string;
  /** The browser's version string (text is measured by its layout engine). */
  browser: string;
}

function fileOf(by: DrawnBy, code: string): string {
  const key = createHash('sha256').update(`${by.shell}\0${by.browser}\0${code}`).digest('hex').slice(0, 32);
  return path.join(DRAWN_DIAGRAMS_DIR, `${key}.svg`);
}

/** The SVGs remembered for `codes` (source → SVG); sources never drawn are left out. */
export async function drawnBefore(by: DrawnBy, codes: string[]): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  await Promise.all(
    [...new Set(codes)].map(async (code) => {
      const file = fileOf(by, code);
      const read = await readVerifiedFile(file);
      if (read.data === undefined) {
        if (read.damaged) {
          sayRebuilt(`diagram ${path.basename(file)}`, read.why);
          await removeVerifiedFile(file).catch(() => {});
        }
        return;
      }
      const svg = read.data.toString('utf8');
      if (svg.startsWith('<svg')) found[code] = svg;
    }),
  );
  return found;
}

/** How many SVGs are kept: each edit of a diagram adds one; the oldest go first. */
const KEEP = 500;

/** Removes the oldest .svg files of `dir` (by modification time) beyond the newest `keep`. */
export async function pruneOldest(dir: string, keep: number): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.svg'));
  if (names.length <= keep) return;
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => a.t - b.t);
  await Promise.all(dated.slice(0, names.length - keep).map(({ n }) => removeVerifiedFile(path.join(dir, n))));
}

/** Remembers SVGs the page drew (source → SVG). Failing to write only costs time next run. */
export async function rememberDrawn(by: DrawnBy, drawn: Record<string, string>): Promise<void> {
  const entries = Object.entries(drawn).filter(([, svg]) => svg.startsWith('<svg'));
  if (entries.length === 0) return;
  await mkdir(DRAWN_DIAGRAMS_DIR, { recursive: true }).catch(() => {});
  await Promise.all(
    entries.map(async ([code, svg]) => {
      try {
        await writeVerifiedFile(fileOf(by, code), svg);
      } catch {
        // A read-only cache: the next export draws the diagram again.
      }
    }),
  );
  await pruneOldest(DRAWN_DIAGRAMS_DIR, KEEP).catch(() => {});
}
