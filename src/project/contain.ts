// What a deck may read: files under its roots (the slides folder, and the
// project root with its assets/ and themes/), judged by the real path after
// symlinks. Every reader of a deck's files asks here first: the slide files,
// images in Markdown and HTML, images in diagrams, the theme and its url()s,
// and the dev server. A published dist/ can so never carry a file from
// elsewhere on the machine (/etc/passwd, a symlink to /etc/shadow).
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

/** Real paths of the folders a deck may read below. */
export type Roots = readonly string[];

function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** The roots of a deck whose Markdown is in `slidesDir`. */
export function deckRoots(slidesDir: string): Roots {
  return [real(slidesDir), real(PROJECT_ROOT)];
}

function inside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export type Containment = { ok: true; real: string } | { ok: false; missing: true } | { ok: false; missing: false; real: string };

/** Whether `file` (absolute) may be read: its real path lies under a root. Missing files are said so. */
export function contain(file: string, roots: Roots): Containment {
  let target: string;
  try {
    target = realpathSync.native(file);
  } catch {
    return { ok: false, missing: true };
  }
  return roots.some((root) => inside(target, root)) ? { ok: true, real: target } : { ok: false, missing: false, real: target };
}

/**
 * The message for a file outside the roots: the path as written, where it
 * leads, the rule, and what to do.
 * @param resolved the path as written, made absolute; @param realPath after symlinks
 */
export function outsideMessage(what: string, shown: string, resolved: string, realPath: string): string {
  const via = resolved !== realPath ? ` (it leads to ${realPath})` : '';
  return `${what} ${shown} lies outside the deck's folders${via}: a deck may read only files in its slides folder and the project (assets/, themes/); copy the file into assets/ and link it from there`;
}
