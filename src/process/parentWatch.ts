// A command ends with its parent: when npm (or whatever started it) is gone,
// a dev server or an export must not keep running on its own. Linux gives an
// orphan a new parent (init, or a subreaper), so a changed parent PID means
// ours died. `npm run` starts us through `sh -c`, which outlives a killed npm
// (it waits for us): then npm, the shell's parent, is the one watched too.
// Checked four times a second; nothing runs in between.
import { readFileSync } from 'node:fs';

/** The parent PID of a process (Linux /proc), or undefined if it is gone or unknown. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Whether a process is a shell running one command for its parent (`sh -c …`). */
function isShellWrapper(pid: number): boolean {
  try {
    const [name, flag] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /(^|\/)(sh|dash|bash)$/.test(name) && flag === '-c';
  } catch {
    return false;
  }
}

/** Calls `onOrphaned` (once) when this process's parent, or the parent of a `sh -c` between, is gone. */
export function watchParent(onOrphaned: () => void, everyMs = 250): void {
  const parent = process.ppid;
  if (parent <= 1) return; // started by init itself: nothing to follow
  const grandparent = isShellWrapper(parent) ? parentOf(parent) : undefined;
  const watchGrandparent = grandparent !== undefined && grandparent > 1;
  const timer = setInterval(() => {
    if (process.ppid !== parent || (watchGrandparent && parentOf(parent) !== grandparent)) {
      clearInterval(timer);
      onOrphaned();
    }
  }, everyMs);
  timer.unref();
}
