// Cached artefacts check themselves. Each one is written with a manifest of
// its files' sizes and SHA-256 hashes — a folder (the client shell) with
// `.iur-manifest.json` inside, a single file (a diagram's SVG, a font subset)
// with `<file>.manifest.json` beside it — and verified when read. A damaged
// entry (emptied, truncated, hand-edited) is a cache miss: the caller builds
// it again and says so in one line. An entry without a manifest (from an
// older version) is a plain miss. (The compiled CLI does the same in plain
// JavaScript: src/cli/bin.mjs.)
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { partialPath, removeStalePartials } from '../process/temporaries.ts';

export const FOLDER_MANIFEST = '.iur-manifest.json';
const VERSION = 1;

interface Entry {
  size: number;
  sha256: string;
}
interface Manifest {
  version: number;
  files: Record<string, Entry>;
}

const entryOf = (data: Uint8Array): Entry => ({ size: data.length, sha256: createHash('sha256').update(data).digest('hex') });

async function filesUnder(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p, base)));
    else if (e.name !== FOLDER_MANIFEST) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    return value?.version === VERSION && typeof value.files === 'object' && value.files !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Why `data` does not match `entry`, or undefined. */
function mismatch(name: string, data: Uint8Array | undefined, entry: Entry): string | undefined {
  if (!data) return `${name} is missing`;
  if (data.length === 0 && entry.size > 0) return `${name} is empty`;
  if (data.length !== entry.size) return `${name} is ${data.length} bytes, not ${entry.size}`;
  if (entryOf(data).sha256 !== entry.sha256) return `${name} was changed`;
  return undefined;
}

/** Writes the manifest of every file in `dir` (before the folder is put in place). */
export async function writeFolderManifest(dir: string): Promise<void> {
  const files: Record<string, Entry> = {};
  for (const name of await filesUnder(dir)) files[name] = entryOf(await readFile(path.join(dir, name)));
  await writeFile(path.join(dir, FOLDER_MANIFEST), JSON.stringify({ version: VERSION, files } satisfies Manifest));
}

export type Verdict = { ok: true } | { ok: false; damaged: boolean; why: string };

/** Whether `dir` holds exactly what its manifest lists; `damaged`: it has a manifest that does not match. */
export async function verifyFolder(dir: string): Promise<Verdict> {
  const manifest = await readManifest(path.join(dir, FOLDER_MANIFEST));
  if (!manifest) return { ok: false, damaged: false, why: 'no manifest' };
  for (const [name, entry] of Object.entries(manifest.files)) {
    const why = mismatch(name, await readFile(path.join(dir, name)).catch(() => undefined), entry);
    if (why) return { ok: false, damaged: true, why };
  }
  const extra = (await filesUnder(dir)).find((name) => !(name in manifest.files));
  if (extra) return { ok: false, damaged: true, why: `${extra} is not in its manifest` };
  return { ok: true };
}

const sidecar = (file: string) => `${file}.manifest.json`;

/** Writes `data` to `file` with its manifest beside it, each through a temporary file of its own. */
export async function writeVerifiedFile(file: string, data: Uint8Array | string): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  removeStalePartials(file);
  removeStalePartials(sidecar(file));
  const temps = [partialPath(file), partialPath(sidecar(file))];
  try {
    await writeFile(temps[0], bytes);
    await writeFile(temps[1], JSON.stringify({ version: VERSION, files: { [path.basename(file)]: entryOf(bytes) } } satisfies Manifest));
    // The manifest first: a reader that sees the new file sees its manifest too.
    await rename(temps[1], sidecar(file));
    await rename(temps[0], file);
  } catch (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw error;
  }
}

export type VerifiedRead = { data: Buffer } | { data?: undefined; damaged: boolean; why: string };

/** The bytes of `file` if they match its manifest; else why not (`damaged`: a manifest that does not match). */
export async function readVerifiedFile(file: string): Promise<VerifiedRead> {
  const data = await readFile(file).catch(() => undefined);
  if (!data) return { damaged: false, why: 'not cached' };
  const manifest = await readManifest(sidecar(file));
  const entry = manifest?.files[path.basename(file)];
  if (!entry) return { damaged: false, why: 'no manifest' };
  const why = mismatch(path.basename(file), data, entry);
  return why ? { damaged: true, why } : { data };
}

/** Removes a cached file and its manifest. */
export async function removeVerifiedFile(file: string): Promise<void> {
  await Promise.all([rm(file, { force: true }), rm(sidecar(file), { force: true })]);
}

/** The one line said when a damaged cache entry is rebuilt. */
export function sayRebuilt(what: string, why: string): void {
  console.error(`iur-deck: the cached ${what} was damaged (${why}); rebuilding it`);
}
