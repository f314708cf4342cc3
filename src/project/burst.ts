// Once per burst: what a watcher calls on each change, so that its work runs
// once after a burst of saves (an editor writes, renames and touches a file
// in a few ms), never twice at the same time, and once more if changes came in
// while it ran: no save is lost, none is worked on twice in parallel.

export interface Burst<T> {
  /** A change (or nothing to name): the work runs `delayMs` after the last one of a burst. */
  add: (item?: T) => void;
  /** No more runs (one under way finishes). */
  close: () => void;
}

/** Runs `work` with the changes of each burst (as added, each once; [] when none was named). */
export function oncePerBurst<T>(work: (batch: T[]) => Promise<void>, delayMs: number): Burst<T> {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let closed = false;
  let pending = false;
  let items = new Set<T>();

  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      while (pending && !closed) {
        pending = false;
        const batch = [...items];
        items = new Set();
        await work(batch).catch((error: unknown) => console.error(error));
      }
    } finally {
      running = false;
    }
  };

  return {
    add: (item) => {
      if (closed) return;
      if (item !== undefined) items.add(item);
      pending = true;
      clearTimeout(timer);
      timer = setTimeout(() => void run(), delayMs);
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
    },
  };
}
