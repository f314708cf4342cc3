// Watches the slides folder for saved, added or removed Markdown files and
// calls back once per burst of changes, never twice at the same time, and
// again if files changed while it ran: no save is ever lost. It survives the
// folder being removed and restored or replaced.
import { watch, type FSWatcher } from 'node:fs';
import { followFolders } from '../watching/followFolders.ts';

export interface SlidesWatcher {
  close: () => void;
}

export function watchSlides(dir: string, onChange: () => Promise<void>): SlidesWatcher {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;

  const run = async (): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      do {
        pending = false;
        await onChange().catch((error: unknown) => console.error(error));
      } while (pending);
    } finally {
      running = false;
    }
  };

  const changed = (name?: string | Buffer | null): void => {
    following.check(); // fs.watch calls back later, after `following` is set
    // The Markdown, and the rehearsal's times (a rehearsal saved, or a downloaded file put in).
    if (name && !/\.md$|^rehearsal\.json$/i.test(String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 20);
  };

  // A folder that does not exist yet, or is removed, or replaced (git checkout), is followed by
  // its identity (src/watching/followFolders.ts): when it is back, the watcher starts again on it.
  let watcher: FSWatcher | undefined;
  const start = (): void => {
    try {
      watcher = watch(dir, (_event, name) => changed(name));
      watcher.on('error', () => {});
    } catch {
      watcher = undefined; // not there (yet): followFolders says when it is
    }
  };
  start();
  const following = followFolders(
    [dir],
    () => {
      watcher?.close();
      watcher = undefined;
      changed(); // the deck says the folder is gone
    },
    () => {
      watcher?.close();
      start();
      changed();
    },
  );
  return {
    close: () => {
      clearTimeout(timer);
      following.close();
      watcher?.close();
    },
  };
}
