// How commands fail: a known problem prints as a plain message (file:line for
// deck problems) with a documented exit code (src/shared/exitCodes.ts); a
// stack only with --debug.
import { EXIT } from '../shared/exitCodes.ts';

/** Vite/Rollup wrap plugin errors; keep only our own lines. */
export function cleanMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((l) => l.replace(/^\[plugin:? ?iur-deck\]\s*/, '').replace(/^\[iur-deck\]\s*/, ''))
    .filter((l) => l.trim() !== '')
    .join('\n');
}

export function reportFailure(error: unknown, debug: boolean): number {
  // By name: importing the class would load Puppeteer into every command's start-up.
  if (error instanceof Error && error.name === 'BrowserNotFoundError') {
    console.error(`iur-deck: ${error.message}`);
    return EXIT.noBrowser;
  }
  if (error instanceof Error && (error.name === 'BrowserCrashError' || error.name === 'ExportTimeoutError')) {
    console.error(`iur-deck: ${error.message}`);
    return EXIT.timeout;
  }
  console.error(cleanMessage(error));
  if (debug && error instanceof Error && error.stack) console.error(error.stack);
  return EXIT.deck;
}
