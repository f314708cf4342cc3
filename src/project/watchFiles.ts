// Watches the folders a deck is made from and calls back once per burst of
// saves (burst.ts): the dev server its slides folder (the Markdown and
// rehearsal.json), `export --watch` the slides, assets/ and themes/. Each
// folder (and each of its sub-folders, new ones included) has a watcher of its
// own: Node 20's recursive fs.watch on Linux follows files, and lost a file
// replaced by rename (how many editors save) after its first save. A folder
// removed and restored, or replaced (git checkout), is watched again when it
// is back (followFolders.ts). Folders that do not exist are skipped until they
// do; editors' temporary and hidden files are ignored.
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { oncePerBurst } from './burst.ts';
import { followFolders } from './followFolders.ts';

export interface FilesWatcher {
  close: () => void;
}

export interface WatchOptions {
  /** Which changed files count (by name); a folder that went or came back always does. Default: all. */
  accept?: (name: string) => boolean;
  /** Quiet time that ends a burst of saves, ms. */
  delayMs?: number;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Names an editor writes beside the real file (swap, backup, lock, hidden). */
function ignored(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.startsWith('.') || base.endsWith('~') || /\.(swp|swx|tmp|partial)$/i.test(base) || base.startsWith('#');
}

/** Calls `onChange` with the files (or folders) changed in each burst. */
export function watchFiles(dirs: string[], onChange: (changed: string[]) => Promise<void>, options: WatchOptions = {}): FilesWatcher {
  const burst = oncePerBurst(onChange, options.delayMs ?? 15);
  const watchers = new Map<string, FSWatcher>();
  const changedIn = (dir: string, name: string): void => {
    following.check(); // fs.watch calls back later, after `following` is set
    if (name && ignored(name)) return;
    const file = path.join(dir, name);
    if (name && !watchers.has(file) && isFolder(file)) watchFolder(file);
    if (name && options.accept && !options.accept(path.basename(name))) return;
    burst.add(file);
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
      burst.close();
      for (const w of watchers.values()) w.close();
    },
  };
}
