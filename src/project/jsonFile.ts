// A JSON file that several requests update (slides/rehearsal.json, later
// annotations.json): every update of one file goes through one queue, reads
// the current content, applies the change and writes the result through its
// own temporary file, flushed, then renamed over the target (atomicFile.ts).
// So the file on disk is always one complete JSON document, and no update is
// lost to another that ran at the same time.
import path from 'node:path';
import { readRegularFile } from './regularFile.ts';
import { writeAtomic } from './atomicFile.ts';

const queues = new Map<string, Promise<unknown>>();

/** Runs `job` after every job queued before it for the same file. */
export function serialised<T>(file: string, job: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(job, job);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  // Forget the queue once it is idle, so a long dev session keeps no map entry per file.
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

export interface JsonUpdate<T> {
  /** The new value from the current one (undefined: no file, or not JSON). */
  change: (current: unknown) => T;
  /** Refuse to read a current file larger than this. */
  maxBytes: number;
  serialize?: (value: T) => string;
}

/** Reads, changes and writes the JSON file `file`, one update at a time per file; resolves to the written value. */
export function updateJsonFile<T>(file: string, update: JsonUpdate<T>): Promise<T> {
  const target = path.resolve(file);
  return serialised(target, async () => {
    let current: unknown;
    const bytes = await readRegularFile(target, update.maxBytes).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (bytes) {
      try {
        current = JSON.parse(bytes.toString('utf8'));
      } catch {
        current = undefined; // a damaged file is replaced by a whole one
      }
    }
    const value = update.change(current);
    await writeAtomic(target, update.serialize ? update.serialize(value) : `${JSON.stringify(value, null, 2)}\n`);
    return value;
  });
}
