// Watches the slides folder for saved, added or removed Markdown files and
// calls back once per burst of changes, never twice at the same time, and
// again if files changed while it ran: no save is ever lost.
import { watch, type FSWatcher } from 'node:fs';

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
    // The Markdown, and the rehearsal's times (a rehearsal saved, or a downloaded file put in).
    if (name && !/\.md$|^rehearsal\.json$/i.test(String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 20);
  };

  // A folder that does not exist yet is looked for every second; when it appears, the deck loads.
  let watcher: FSWatcher | undefined;
  let retry: NodeJS.Timeout | undefined;
  const start = (first: boolean): void => {
    try {
      watcher = watch(dir, (_event, name) => changed(name));
      watcher.on('error', () => {});
      if (!first) changed();
    } catch {
      retry = setTimeout(() => start(false), 1000);
    }
  };
  start(true);
  return {
    close: () => {
      clearTimeout(timer);
      clearTimeout(retry);
      watcher?.close();
    },
  };
}
