// Watches the folders a deck is made from (the slides, assets/, themes/) and
// calls back once per burst of saves, never twice at the same time, and again
// if files changed while it ran: no save is lost. Folders that do not exist
// are skipped; editors' temporary and hidden files are ignored.
import { existsSync, watch, type FSWatcher } from 'node:fs';

export interface FilesWatcher {
  close: () => void;
}

/** Names an editor writes beside the real file (swap, backup, lock, hidden). */
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

  const watchers: FSWatcher[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const watcher = watch(dir, { recursive: true }, (_event, name) => {
      const file = name ? String(name) : '';
      if (file && ignored(file)) return;
      changed.add(`${dir}/${file}`);
      clearTimeout(timer);
      timer = setTimeout(() => void run(), delayMs);
    });
    watcher.on('error', () => {});
    watchers.push(watcher);
  }
  return {
    close: () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
