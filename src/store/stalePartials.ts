// A file written atomically goes through a temporary file beside it,
// `.NAME.<pid>.partial` (or `.NAME.<pid>-<n>-<rand>.partial`, and `.old` for
// a swapped folder); a build fills `NAME.partial-<pid>` and moves the old
// one to `NAME.old-<pid>`. SIGKILL leaves them behind; the next write of the
// same target removes those whose process no longer runs.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { alive } from '../browser/tempDirs.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes stale temporaries of `target` left by dead processes; returns how many. */
export function removeStalePartials(target: string): number {
  const dir = path.dirname(path.resolve(target));
  const base = escape(path.basename(target));
  const names = [new RegExp(`^\\.${base}\\.(\\d+)(-[\\w-]+)?\\.partial(\\.old)?$`), new RegExp(`^${base}\\.(?:partial|old)-(\\d+)$`)];
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const m = names.map((n) => n.exec(entry)).find(Boolean);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try {
      rmSync(path.join(dir, entry), { recursive: true, force: true });
      removed++;
    } catch {
      /* another user's: leave it */
    }
  }
  return removed;
}
