// Remembers which diagram sources parsed (per Mermaid version), in the
// project's cache folder, so a warm build needn't start Mermaid at all.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_DIR } from '../project/paths.ts';

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
  const temp = `${FILE}.${process.pid}`;
  await mkdir(path.dirname(FILE), { recursive: true });
  await writeFile(temp, JSON.stringify([...keys].slice(-5000)));
  await rename(temp, FILE);
}
