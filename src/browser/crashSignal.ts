// "Whichever comes first: this work, or the browser crashing." Promise.race
// against one long-lived crash promise leaks: every race adds a reaction to
// that promise which lives as long as it does, holding the race's result — in
// `export --watch`, each save's printed PDF (25 KB a save on the test deck,
// for the whole session). A crash signal instead keeps a listener only while
// its work runs.

/** The browser crashed, exited, or could not start: one plain line. */
export class BrowserCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserCrashError';
  }
}

export interface CrashSignal {
  /** Rejects when the crash happens (for callers that race it themselves, once). */
  promise: Promise<never>;
  /** Says the crash happened: every work raced now or later rejects with `error`. */
  fail: (error: Error) => void;
  /** `work`, or the crash's error if the crash comes first; holds nothing once `work` settles. */
  race: <T>(work: Promise<T>) => Promise<T>;
}

const signals = new WeakMap<Promise<never>, CrashSignal>();

export function crashSignal(): CrashSignal {
  let failed: Error | undefined;
  const listeners = new Set<(error: Error) => void>();
  let rejectPromise: (error: Error) => void = () => {};
  const promise = new Promise<never>((_, reject) => {
    rejectPromise = reject;
  });
  promise.catch(() => {});
  const signal: CrashSignal = {
    promise,
    fail(error) {
      if (failed) return;
      failed = error;
      rejectPromise(error);
      for (const listener of listeners) listener(error);
      listeners.clear();
    },
    race<T>(work: Promise<T>): Promise<T> {
      if (failed) return Promise.reject(failed);
      return new Promise<T>((resolve, reject) => {
        listeners.add(reject);
        work.then(
          (value) => {
            listeners.delete(reject);
            resolve(value);
          },
          (error: unknown) => {
            listeners.delete(reject);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
  };
  signals.set(promise, signal);
  return signal;
}

/** Races `work` against `crashed` without leaking, when `crashed` is a crash signal's promise. */
export function raceCrash<T>(work: Promise<T>, crashed: Promise<never>): Promise<T> {
  const signal = signals.get(crashed);
  return signal ? signal.race(work) : Promise.race([work, crashed]);
}
