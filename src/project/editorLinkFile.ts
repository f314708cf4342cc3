// How the language server finds the dev server of its deck: `npm run dev`
// writes a small discovery file in the project's cache — its loopback port
// and a random secret, readable by this user only (0600, in a 0700 folder) —
// named after the slides folder, and removes it when it stops. The language
// server reads it and sends the secret with every request, so no other user
// of the machine, and no web page, can drive the deck or open files in the
// editor. A file left by a dev server that was killed names a process that
// is gone, and is not used.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from './atomicFile.ts';
import { CACHE_DIR } from './paths.ts';

export interface EditorLinkInfo {
  version: 1;
  /** The dev server's process. */
  pid: number;
  /** Its loopback address and port. */
  host: string;
  port: number;
  secret: string;
  /** The real path of the slides folder it serves. */
  slidesDir: string;
}

const FOLDER = path.join(CACHE_DIR, 'editor-link');

function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** The discovery file of the dev server of a slides folder. */
export function editorLinkPath(slidesDir: string): string {
  const key = createHash('sha256').update(real(slidesDir)).digest('hex').slice(0, 16);
  return path.join(FOLDER, `${key}.json`);
}

export async function writeEditorLink(info: Omit<EditorLinkInfo, 'version' | 'slidesDir'>, slidesDir: string): Promise<string> {
  mkdirSync(FOLDER, { recursive: true, mode: 0o700 });
  chmodSync(FOLDER, 0o700);
  const file = editorLinkPath(slidesDir);
  const data: EditorLinkInfo = { version: 1, ...info, slidesDir: real(slidesDir) };
  await writeAtomic(file, JSON.stringify(data), { mode: 0o600, durable: false });
  return file;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The dev server serving `slidesDir` now, or undefined. */
export function readEditorLink(slidesDir: string): EditorLinkInfo | undefined {
  let info: Partial<EditorLinkInfo>;
  try {
    info = JSON.parse(readFileSync(editorLinkPath(slidesDir), 'utf8')) as Partial<EditorLinkInfo>;
  } catch {
    return undefined;
  }
  const ok =
    info.version === 1 &&
    typeof info.pid === 'number' &&
    typeof info.host === 'string' &&
    typeof info.port === 'number' &&
    typeof info.secret === 'string' &&
    info.slidesDir === real(slidesDir);
  return ok && running(info.pid ?? 0) ? (info as EditorLinkInfo) : undefined;
}

/** Removes the discovery file if it is still this server's (another may have started on the same folder since). */
export function removeEditorLink(slidesDir: string, secret: string): void {
  const file = editorLinkPath(slidesDir);
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<EditorLinkInfo>;
    if (info.secret === secret) rmSync(file, { force: true });
  } catch {
    /* gone already */
  }
}
