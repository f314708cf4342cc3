// The one atomic file write of the project: the content goes to a temporary
// file beside the target whose name no other write uses (pid, counter and
// random suffix), flushed to disk, then renamed over the target. Readers see
// the old or the complete new content, never a part; on failure the temporary
// file is removed and the target is left as it was. The JSON stores (here)
// and the exports (export/atomicWrite.ts) both write through it.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

/** A temporary name beside `file` that no other write (in this or another process) uses. */
export function uniqueTempPath(file: string): string {
  counter++;
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${counter}-${randomBytes(4).toString('hex')}.partial`);
}

export interface AtomicWriteOptions {
  /**
   * `false` skips the flush to disk (readers still see old or new, never
   * half; only a power cut could lose the new file). Default: flush.
   */
  durable?: boolean;
  /** Called with the temporary path before it is created; the function it returns is called once the write ends. */
  holdTemp?: (temp: string) => () => void;
  /** The file's mode (default 0644); 0600 for a file that holds secrets, so it is never readable by others, not even for a moment. */
  mode?: number;
}

/** Writes `data` to `file` so that readers see the old or the new content, never a part. */
export async function writeAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = uniqueTempPath(file);
  const release = options.holdTemp?.(temp);
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
