// Remembers which diagram sources parsed (per Mermaid version), in the
// project's cache folder, so a warm build needn't start Mermaid at all.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_DIR } from '../project/paths.ts';
import { writeAtomic } from '../project/atomicFile.ts';

const FILE = path.join(CACHE_DIR, 'good-diagrams.json');
const MERMAID = (createRequire(import.meta.url)('mermaid/package.json') as { version: string }).version;

let cached: Set<string> | undefined;

export function diagramKey(code: string): string {
  return createHash('sha256').update(`${MERMAID}\n${code}`).digest('hex').slice(0, 24);
}

export async function knownGood(): Promise<Set<string>> {
  if (cached) return cached;
  try {
    cached = new Set(JSON.parse(await readFile(FILE, 'utf8')) as string[]);
  } catch {
    cached = new Set();
  }
  return cached;
}

export async function saveKnownGood(keys: Set<string>): Promise<void> {
  // A cache: no flush to disk needed, but never half a file.
  await writeAtomic(FILE, JSON.stringify([...keys].slice(-5000)), { durable: false });
}
