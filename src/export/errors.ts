// Failures of an export that are not deck errors: the page never got ready in
// time (naming the slides), FILE could not be written. (The browser crashing is
// src/browser/crashSignal.ts's BrowserCrashError.)

export class ExportTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportTimeoutError';
  }
}

/** FILE could not be written (folder missing rights, disk full…). */
export class OutputError extends Error {
  constructor(file: string, cause: unknown) {
    super(`cannot write ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'OutputError';
  }
}
