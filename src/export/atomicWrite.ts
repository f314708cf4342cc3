// Writes a file so that readers only ever see the old or the complete new
// content: a temporary file beside the target, flushed to disk, then renamed
// over it. The temporary file is removed on failure and on process exit
// (SIGKILL can leave it behind, never a damaged target).
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { removeOnExit } from './exitCleanup.ts';
import path from 'node:path';

/** The temporary name used for `target` (a dot file in the same folder). */
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
  await mkdir(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  const release = removeOnExit(temp);
  try {
    const handle = await open(temp, 'w', 0o644);
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
    release();
  }
}
