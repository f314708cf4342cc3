// Every temporary file and folder iur-deck makes is named, in one scheme, with
// the PID of the process that made it:
//   in the OS temp folder        iur-<kind>-<pid>-XXXXXX        (an export's build, Chromium's profile, present's deck …)
//   beside what is being written .<name>.<pid>-<n>-<random>.partial, and .partial.old
//                                for the folder it replaces     (an export, a JSON store, dist/, a cache entry)
// A process killed with SIGKILL cannot remove its own; the next one removes
// every temporary of ours whose process is gone (and only those: a running
// command's, or another user's, stay). What a process removes as it exits is
// exitCleanup.ts.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TempKind = 'export' | 'chrome' | 'build' | 'present';

/** Ours in the OS temp folder: iur-<kind>-<pid>-… (kind: lower-case letters). */
const TEMP_DIR = /^iur-[a-z]+-(\d+)-/;

/** A new temporary folder of ours in the OS temp folder, named with this process's PID. */
export function makeTempDir(kind: TempKind): string {
  return mkdtempSync(path.join(os.tmpdir(), `iur-${kind}-${process.pid}-`));
}

let counter = 0;

/** A temporary name beside `target` (same folder: a rename stays on one file system) that no other write, here or in another process, uses. */
export function partialPath(target: string): string {
  counter++;
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${counter}-${randomBytes(4).toString('hex')}.partial`);
}

/** Whether a process with this PID runs (as any user). A zombie (killed, not yet reaped by its parent) does not. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !zombie(pid);
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: the process has exited and waits only for its parent to read its status (state Z in /proc/PID/stat). */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/** Removes the entries of `dir` that `name` says are ours, with the PID it captures, when that process is gone; returns how many. */
function removeDead(dir: string, name: RegExp): number {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const pid = Number(name.exec(entry)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    try {
      rmSync(path.join(dir, entry), { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
      removed++;
    } catch {
      /* another user's, or in use: leave it */
    }
  }
  return removed;
}

/** Removes the temporary folders of iur-deck processes that no longer run; returns how many. */
export function removeStaleTempDirs(dir = os.tmpdir()): number {
  return removeDead(dir, TEMP_DIR);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes what dead processes left while writing `target` (its partial files and folders); returns how many. */
export function removeStalePartials(target: string): number {
  const file = path.resolve(target);
  return removeDead(path.dirname(file), new RegExp(`^\\.${escape(path.basename(file))}\\.(\\d+)(-[\\w-]+)?\\.partial(\\.old)?$`));
}
