// The one atomic write of the project: a file's content goes to a temporary
// file beside it (src/process/temporaries.ts names it), flushed to disk, then
// renamed over the target; a folder (the PNG export) is filled beside the
// target, then swapped in. Readers see the old or the complete new content,
// never a part; on failure the temporary is removed and the target is left as
// it was. What a killed process left beside the same target goes first. The
// JSON stores (jsonFile.ts), the pen's file and every command's output write
// through here.
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { removeOnExit } from '../process/exitCleanup.ts';
import { partialPath, removeStalePartials } from '../process/temporaries.ts';

export interface AtomicWriteOptions {
  /**
   * `false` skips the flush to disk (readers still see old or new, never
   * half; only a power cut could lose the new file). Default: flush. For
   * `export --watch`, which rewrites its file on every save and where a flush
   * cost up to 0.5 s.
   */
  durable?: boolean;
  /** Remove the temporary file if the process exits mid-write (Ctrl+C): for a command's output. */
  removeOnExit?: boolean;
  /** The file's mode (default 0644); 0600 for a file that holds secrets, so it is never readable by others, not even for a moment. */
  mode?: number;
}

/** Writes `data` to `file` so that readers see the old or the new content, never a part. */
export async function writeAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  removeStalePartials(file);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = partialPath(file);
  const release = options.removeOnExit ? removeOnExit(temp) : undefined;
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
    try {
      await handle.writeFile(data);
      if (options.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    release?.();
  }
}

/** A command's output file (export, check --json), written atomically and cleaned up on Ctrl+C. */
export function writeFileAtomic(target: string, data: Uint8Array, options: { durable?: boolean } = {}): Promise<void> {
  return writeAtomic(path.resolve(target), data, { durable: options.durable, removeOnExit: true });
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
  const temp = partialPath(folder);
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
