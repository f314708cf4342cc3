// fs.watch follows a folder's inode: when the folder is removed and made
// again, or replaced by another (git checkout, an editor that saves a whole
// folder), the old watcher stays silent for ever. This looks at each folder's
// identity (device and inode) twice a second, and at once on each event of
// its watcher (a removed folder's inode number may be reused by the restored
// one at once), and says when one is gone or has come back, so the watchers
// can start again on the new folder.
import { statSync } from 'node:fs';

export interface Following {
  close: () => void;
  /** Looks now, not at the next tick: call it on every event of the folders' watchers (a removed folder's last events). */
  check: () => void;
}

function identity(dir: string): string | undefined {
  try {
    const info = statSync(dir);
    return info.isDirectory() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onGone(dir)` when a folder that was there is gone or replaced, and
 * `onBack(dir)` when a folder is there again (or for the first time).
 */
export function followFolders(
  dirs: readonly string[],
  onGone: (dir: string) => void,
  onBack: (dir: string) => void,
  everyMs = 500,
): Following {
  const known = new Map(dirs.map((d) => [d, identity(d)]));
  const look = (): void => {
    for (const dir of dirs) {
      const now = identity(dir);
      const before = known.get(dir);
      if (now === before) continue;
      known.set(dir, now);
      if (before) onGone(dir);
      if (now) onBack(dir);
    }
  };
  const timer = setInterval(look, everyMs);
  timer.unref();
  return { close: () => clearInterval(timer), check: look };
}
