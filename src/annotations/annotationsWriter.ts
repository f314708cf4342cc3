// Writes slides/annotations.json for the dev server, one save at a time,
// through the project's store for JSON files (src/project/jsonFile.ts, as
// rehearsal.json): one queue per file, each write to a temporary file with a
// name of its own (pid, counter, random) beside the target, flushed, then
// renamed over it, so a reader sees the old or the new file, never half.
// Saves that arrive while one is written are coalesced: the newest wins.
// Only inside the slides folder: the target is the real folder's own entry,
// and an annotations.json that is a symlink or not a file is never written.
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../project/atomicFile.ts';
import { serialised } from '../project/jsonFile.ts';
import { ANNOTATIONS_FILE } from '../shared/annotations.ts';

async function writeOnce(dir: string, text: string): Promise<string> {
  const folder = await realpath(dir);
  const target = path.join(folder, ANNOTATIONS_FILE);
  return serialised(target, async () => {
    const existing = await lstat(target).catch(() => null);
    if (existing && !existing.isFile())
      throw new Error(`${ANNOTATIONS_FILE} in the slides folder is not a plain file (a link or a folder): not writing through it`);
    await writeAtomic(target, text);
    return target;
  });
}

export interface AnnotationsWriter {
  /** Resolves with the written path once this text (or a newer one) is on disk. */
  save: (text: string) => Promise<string>;
}

export function annotationsWriter(slidesDir: string): AnnotationsWriter {
  let running: Promise<void> | undefined;
  let next: { text: string; waiters: { resolve: (where: string) => void; reject: (error: unknown) => void }[] } | undefined;

  const drain = async (): Promise<void> => {
    while (next) {
      const job = next;
      next = undefined;
      try {
        const where = await writeOnce(slidesDir, job.text);
        for (const w of job.waiters) w.resolve(where);
      } catch (error) {
        for (const w of job.waiters) w.reject(error);
      }
    }
    running = undefined;
  };

  return {
    save: (text) =>
      new Promise<string>((resolve, reject) => {
        next = { text, waiters: [...(next?.waiters ?? []), { resolve, reject }] };
        running ??= drain();
      }),
  };
}
