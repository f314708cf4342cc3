// Failures of an export that are not deck errors: the page never got ready in
// time (naming the slides), the browser crashed, FILE could not be written.

export class ExportTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportTimeoutError';
  }
}

export class BrowserCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserCrashError';
  }
}

/** FILE could not be written (folder missing rights, disk full…). */
export class OutputError extends Error {
  constructor(file: string, cause: unknown) {
    super(`cannot write ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'OutputError';
  }
}
