// iur-deck's temporary folders (an export's build, Chromium's profile,
// present's build) are named with the PID of the process that made them:
// iur-export-<pid>-…, iur-chrome-<pid>-…, iur-present-<pid>-…. A process killed with SIGKILL cannot remove its own;
// the next one removes every folder of ours whose process is gone.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TempKind = 'export' | 'chrome' | 'present';

const NAME = /^iur-(export|chrome|present)-(\d+)-/;

/** A new temporary folder of ours, named with this process's PID. */
export function makeTempDir(kind: TempKind): string {
  return mkdtempSync(path.join(os.tmpdir(), `iur-${kind}-${process.pid}-`));
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

/** Removes the temporary folders of iur-deck processes that no longer run; returns how many. */
export function removeStaleTempDirs(dir = os.tmpdir()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    try {
      rmSync(path.join(dir, name), { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
      removed++;
    } catch {
      /* another user's, or in use: leave it */
    }
  }
  return removed;
}
