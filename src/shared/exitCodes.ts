// The exit codes every command documents in its --help and returns: one
// table, so `export`, `check`, `present` and `build` mean the same by each.

export const EXIT = {
  ok: 0,
  /** The deck has errors (file:line messages), or bad arguments. */
  deck: 1,
  /** No Chrome/Chromium found. */
  noBrowser: 2,
  /** Timed out or the browser crashed. */
  timeout: 3,
} as const;
