// Watches the folders a deck is made from (the slides, assets/, themes/) and
// calls back once per burst of saves, never twice at the same time, and again
// if files changed while it ran: no save is lost. Each folder (and each of its
// sub-folders, new ones included) has a watcher of its own: Node 20's
// recursive fs.watch on Linux follows files, and lost a file replaced by
// rename (how many editors save) after its first save. Folders that do not
// exist are skipped; editors' temporary and hidden files are ignored.
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { followFolders } from '../../watching/followFolders.ts';

export interface FilesWatcher {
  close: () => void;
}

/** Names an editor writes beside the real file (swap, backup, lock, hidden). */
function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function ignored(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.startsWith('.') || base.endsWith('~') || /\.(swp|swx|tmp|partial)$/i.test(base) || base.startsWith('#');
}

export function watchFiles(dirs: string[], onChange: (changed: string[]) => Promise<void>, delayMs = 15): FilesWatcher {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let changed = new Set<string>();

  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      while (changed.size > 0) {
        const batch = [...changed];
        changed = new Set();
        await onChange(batch).catch((error: unknown) => console.error(error));
      }
    } finally {
      running = false;
    }
  };

  const watchers = new Map<string, FSWatcher>();
  const changedIn = (dir: string, name: string): void => {
    if (name && ignored(name)) return;
    const file = path.join(dir, name);
    if (name && !watchers.has(file) && isFolder(file)) watchFolder(file);
    changed.add(file);
    following.check(); // fs.watch calls back later, after `following` is set
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  };
  const watchFolder = (dir: string): void => {
    try {
      const watcher = watch(dir, (_event, name) => changedIn(dir, name ? String(name) : ''));
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(dir);
      });
      watchers.set(dir, watcher);
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && !ignored(entry.name) && entry.name !== 'node_modules') watchFolder(path.join(dir, entry.name));
      }
    } catch {
      // gone meanwhile
    }
  };
  for (const dir of dirs) if (existsSync(dir)) watchFolder(dir);
  // A folder removed and restored, or replaced: watch the new one (src/watching/followFolders.ts).
  const drop = (dir: string): void => {
    for (const [d, w] of watchers) {
      if (d !== dir && !d.startsWith(`${dir}${path.sep}`)) continue;
      w.close();
      watchers.delete(d);
    }
  };
  const following = followFolders(
    dirs,
    (dir) => {
      drop(dir);
      changedIn(dir, '');
    },
    (dir) => {
      drop(dir);
      watchFolder(dir);
      changedIn(dir, '');
    },
  );
  return {
    close: () => {
      following.close();
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
    },
  };
}
