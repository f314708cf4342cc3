// Where the project lives on disk, for the parts that find its files
// (client code, themes, caches) from any working directory. Found by walking
// up to iur-deck's package.json, so the same code works from src/ (tsx) and
// from the compiled command line in node_modules/.cache (src/cli/bin.mjs).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'iur-deck') return dir;
    if (path.dirname(dir) === dir) throw new Error(`iur-deck: no package.json of iur-deck above ${from}`);
  }
}

export const PROJECT_ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** iur-deck's own caches (client shell, diagrams, fonts …), one folder each below this. */
export const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'iur-deck');
