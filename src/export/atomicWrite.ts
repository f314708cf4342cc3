// Writes an export's output so that readers only ever see the old or the
// complete new content. A file goes through the project's atomic write
// (src/store/atomicFile.ts); what is export-specific is here: the temporary
// file is also removed on process exit (Ctrl-C during an export), and what a
// killed export of the same target left is cleared first (SIGKILL can leave a
// temporary behind, never a damaged target). A folder of files (PNG export)
// the same way: filled beside the target, then swapped in.
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { removeOnExit } from './exitCleanup.ts';
import { writeAtomic } from '../store/atomicFile.ts';
import { removeStalePartials } from '../store/stalePartials.ts';
import path from 'node:path';

/** The temporary name used for folder `target` (a dot folder beside it). */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
}

/**
 * `durable: false` skips the flush to disk (readers still see old or new,
 * never half; only a power cut could lose the new file): for `--watch`,
 * which rewrites the file on every save and where a flush cost up to 0.5 s.
 */
export async function writeFileAtomic(target: string, data: Uint8Array, options: { durable?: boolean } = {}): Promise<void> {
  const file = path.resolve(target);
  removeStalePartials(file); // what a killed export of this file left (src/store/stalePartials.ts)
  await writeAtomic(file, data, { durable: options.durable, holdTemp: removeOnExit });
}

/** Thrown when the target folder holds something an export did not write. */
export class FolderInUseError extends Error {
  constructor(message: string) {
    super(`${message}: not replacing it (choose another --out)`);
    this.name = 'FolderInUseError';
  }
}

async function writeInto(file: string, data: Uint8Array): Promise<void> {
  const handle = await open(file, 'w', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces folder `target` with one holding exactly `files`. An existing
 * target is replaced only if it holds nothing but files ending in `ending`
 * (an earlier export), so a mistaken --out never deletes anyone's work.
 */
export async function writeFolderAtomic(target: string, files: { name: string; data: Uint8Array }[], ending: string): Promise<void> {
  const folder = path.resolve(target);
  const existing = await lstat(folder).catch(() => null);
  if (existing) {
    if (!existing.isDirectory()) throw new FolderInUseError(`it is a file, not a folder of ${ending} files`);
    const stranger = (await readdir(folder, { withFileTypes: true })).find((e) => !e.isFile() || !e.name.endsWith(ending));
    if (stranger) throw new FolderInUseError(`it holds "${stranger.name}", not only ${ending} files`);
  }
  await mkdir(path.dirname(folder), { recursive: true });
  removeStalePartials(folder);
  const temp = tempPathFor(folder);
  const old = `${temp}.old`;
  const releaseTemp = removeOnExit(temp);
  const releaseOld = removeOnExit(old);
  try {
    await mkdir(temp);
    await Promise.all(files.map((f) => writeInto(path.join(temp, f.name), f.data)));
    if (existing) await rename(folder, old);
    try {
      await rename(temp, folder);
    } catch (error) {
      if (existing) await rename(old, folder);
      throw error;
    }
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  } finally {
    releaseTemp();
    releaseOld();
  }
}
