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

/** `missing`: nothing to read there; `loop` says why when it is a ring of symlinks (ELOOP), not an absent file. */
export type Containment =
  { ok: true; real: string } | { ok: false; missing: true; loop: boolean } | { ok: false; missing: false; real: string };

/** Whether `file` (absolute) may be read: its real path lies under a root. Missing files, and symlink loops, are said so. */
export function contain(file: string, roots: Roots): Containment {
  let target: string;
  try {
    target = realpathSync.native(file);
  } catch (error) {
    return { ok: false, missing: true, loop: (error as NodeJS.ErrnoException).code === 'ELOOP' };
  }
  return roots.some((root) => inside(target, root)) ? { ok: true, real: target } : { ok: false, missing: false, real: target };
}

/** The message for a symlink that leads, through other links or itself, back round (ELOOP). */
export function loopMessage(what: string, shown: string): string {
  return `${what} ${shown} is a symlink loop (ELOOP): the link leads back to itself, never to a file; replace it by the file`;
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
