// Temporary files and folders of an export are removed when the process ends,
// however it ends short of SIGKILL: Ctrl-C, SIGTERM, SIGHUP or an exception.
// (Chromium is killed first, by what src/browser/launch.ts registers with stopOnExit.)
import { rmSync } from 'node:fs';

const paths = new Set<string>();
const firsts = new Set<() => void>();
let installed = false;

function removeAll(): void {
  // What must stop before its files go (Chromium, which writes its profile until it dies).
  for (const f of firsts) {
    try {
      f();
    } catch {
      /* already gone */
    }
  }
  firsts.clear();
  // Chromium may still be writing its profile as it goes: retry a not-yet-empty folder.
  for (const p of paths) {
    try {
      rmSync(p, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    } catch {
      /* still busy: the next command removes it (src/process/temporaries.ts); the others go on */
    }
  }
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

/** Runs `stop` when the process exits, before any path is removed, until `release` is called. */
export function stopOnExit(stop: () => void): () => void {
  install();
  firsts.add(stop);
  return () => {
    firsts.delete(stop);
  };
}

/** Removes `p` when the process exits, until `release` is called. */
export function removeOnExit(p: string): () => void {
  install();
  paths.add(p);
  return () => {
    paths.delete(p);
  };
}
