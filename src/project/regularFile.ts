// Reads only regular files. A FIFO, a socket or a device where a slide file,
// rehearsal.json or an image is expected would block a read for ever (a FIFO
// waits for a writer): it is opened without blocking, looked at, and refused
// with a message naming what it is. Also caps the size before reading.
import { constants, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** What a non-regular file is, in words, or undefined for a regular file. */
export function specialKind(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** What the file at `file` is when it is not a regular file (following links); undefined if regular or missing. */
export function specialKindAt(file: string): string | undefined {
  try {
    return specialKind(statSync(file));
  } catch {
    return undefined;
  }
}

export class NotRegularFileError extends Error {
  constructor(readonly kind: string) {
    super(`this is ${kind}, not a file: only regular files are read (remove it)`);
  }
}

export class FileTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`file is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most ${(maxBytes / 1024 / 1024).toFixed(0)} MB`);
  }
}

/** The bytes of a regular file of at most `maxBytes`; throws NotRegularFileError or FileTooLargeError otherwise. */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    const kind = specialKind(info);
    if (kind) throw new NotRegularFileError(kind);
    if (info.size > maxBytes) throw new FileTooLargeError(info.size, maxBytes);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
