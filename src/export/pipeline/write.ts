// The pipeline's last stage: the output written atomically
// (src/project/atomicFile.ts): a file, or for PNG a folder that replaces the
// last one whole. What cannot be written is an OutputError naming the file.
import path from 'node:path';
import { displayPath } from '../../project/readSources.ts';
import { writeFileAtomic, writeFolderAtomic } from '../../project/atomicFile.ts';
import type { Output } from '../contract.ts';
import { OutputError } from '../errors.ts';
import type { Progress } from '../progress.ts';

export interface Written {
  /** Absolute path of the written file (for PNG: the folder). */
  file: string;
  bytes: number;
}

/**
 * `durable: false` skips the flush to disk (--watch, which rewrites the file
 * on every save); `alongside`: work that must finish with the write (the
 * diagram cache).
 */
export async function writeStage(
  output: Output,
  out: string,
  progress: Progress,
  durable = true,
  alongside?: Promise<void>,
): Promise<Written> {
  const file = path.resolve(out);
  await progress.time('write', () => {
    const writing =
      output.kind === 'file' ? writeFileAtomic(file, output.data, { durable }) : writeFolderAtomic(file, output.files, '.png');
    return Promise.all([writing, alongside]).catch((error: unknown) => {
      throw new OutputError(displayPath(file), error);
    });
  });
  progress.update(`written: ${displayPath(file)}`, { transient: true });
  const bytes = output.kind === 'file' ? output.data.length : output.files.reduce((sum, f) => sum + f.data.length, 0);
  return { file, bytes };
}
