// Temporary files and folders of an export are removed when the process ends,
// however it ends short of SIGKILL: Ctrl-C, SIGTERM, SIGHUP or an exception.
// (Puppeteer kills its Chromium from its own 'exit' listener.)
import { rmSync } from 'node:fs';

const paths = new Set<string>();
let installed = false;

function removeAll(): void {
  // Chromium may still be writing its profile as it goes: retry a not-yet-empty folder.
  for (const p of paths) rmSync(p, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  paths.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
  const exitOn = (signal: NodeJS.Signals, code: number) => process.once(signal, () => process.exit(code));
  exitOn('SIGINT', 130);
  exitOn('SIGTERM', 143);
  exitOn('SIGHUP', 129);
}

/** Removes `p` when the process exits, until `release` is called. */
export function removeOnExit(p: string): () => void {
  install();
  paths.add(p);
  return () => {
    paths.delete(p);
  };
}
