// Where `npm run new` may write a deck: a folder of its own inside the
// project, so that every command finds it as it finds the talk — its
// pictures under /assets/, the themes, the caches, its outputs beside the
// talk's (dist-NAME/, NAME.pdf), all in the one place the project's
// .gitignore covers. Not outside the project (../outside, /etc/x, a symlink
// that leads out: judged by the real path), and not inside the project's own
// folders (src/, tests/, assets/, themes/, the talk's slides/, node_modules/,
// .git/), which a deck would litter or be mistaken for. Also how to write a
// folder's name in a shell command (quoted when it has a space).
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project/paths.ts';

/** The project's own top-level folders: no deck goes in (or is) one of them. */
export const RESERVED = ['src', 'tests', 'assets', 'themes', 'slides', 'node_modules', '.git'];

/** The real path of `p`: of its nearest existing ancestor, the rest joined on (the folder may not exist yet). */
function realPath(p: string): string {
  const rest: string[] = [];
  for (let dir = path.resolve(p); ; dir = path.dirname(dir)) {
    try {
      return path.join(realpathSync.native(dir), ...rest.reverse());
    } catch {
      if (path.dirname(dir) === dir) return path.resolve(p);
      rest.push(path.basename(dir));
    }
  }
}

/** Why a deck may not be written at `dir` (as given, from `cwd`), or undefined when it may. */
export function placeRefusal(dir: string, cwd = process.cwd(), root = PROJECT_ROOT): string | undefined {
  const real = realPath(path.resolve(cwd, dir));
  const project = realPath(root);
  const rel = path.relative(project, real);
  const hint = 'a deck goes in a folder of its own inside the project (e.g. npm run new -- mytalk), where every command finds it';
  if (rel === '') return `${dir} is the project folder itself: ${hint}`;
  if (rel.startsWith('..') || path.isAbsolute(rel)) return `${dir} lies outside the project (${project}; it leads to ${real}): ${hint}`;
  const top = rel.split(path.sep)[0];
  if (RESERVED.includes(top)) return `${dir} is inside ${top}/, the project's own: ${hint}`;
  return undefined;
}

/** The name as one shell word: as it is when plain, else in single quotes. */
export function shellWord(name: string): string {
  return /^[\w./@%+=:,-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}
