// The deck's theme: `theme:` in the front matter names a file of themes/
// (institute → themes/institute.css) or is a path to a .css file inside the
// project. The file and every local url() and @import in it must lie inside
// the deck's roots (src/project/contain.ts): Vite would copy what a url() points
// at into dist/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project/paths.ts';
import type { SourcePos, Problem } from '../shared/problem.ts';
import { contain, loopMessage, outsideMessage, type Roots } from '../project/contain.ts';

export const THEMES_DIR = path.join(PROJECT_ROOT, 'themes');

/** Theme names: the .css files of themes/. */
export function knownThemes(): string[] {
  try {
    return readdirSync(THEMES_DIR)
      .filter((n) => n.endsWith('.css'))
      .map((n) => n.slice(0, -4))
      .sort();
  } catch {
    return [];
  }
}

/** url(…) and @import "…" references of a stylesheet, with their line (1-based). */
function cssReferences(css: string): { ref: string; line: number }[] {
  const out: { ref: string; line: number }[] = [];
  const pattern = /url\(\s*(["']?)([^"')]+)\1\s*\)|@import\s+(["'])([^"']+)\3/g;
  for (const m of css.matchAll(pattern)) {
    const ref = (m[2] ?? m[4] ?? '').trim();
    out.push({ ref, line: 1 + (css.slice(0, m.index).match(/\n/g)?.length ?? 0) });
  }
  return out;
}

const LOCAL = (ref: string) => ref !== '' && !/^(data:|blob:|#|[a-z][\w+.-]*:|\/\/)/i.test(ref);

/**
 * The real path of the theme's CSS file, or problems: an unknown name (with
 * the known ones), a path outside the roots, a url() that leaves them.
 * @param at where the deck sets its theme (the first file, the `theme:` line)
 */
export function resolveTheme(theme: string, roots: Roots, at: SourcePos): { file?: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const error = (message: string, pos: SourcePos = at) => problems.push({ pos, level: 'error', message });
  const known = knownThemes();
  const isName = /^[\w-]+$/.test(theme);
  const file = isName ? path.join(THEMES_DIR, `${theme}.css`) : path.resolve(PROJECT_ROOT, theme);
  if (!isName && !file.endsWith('.css')) {
    error(`theme "${theme}" is neither a theme name (known: ${known.join(', ')}) nor a .css file`);
    return { problems };
  }
  const where = contain(file, roots);
  if (!where.ok && where.missing && where.loop) {
    error(loopMessage('theme', theme));
    return { problems };
  }
  if (!where.ok && where.missing) {
    error(`theme "${theme}" not found (known: ${known.join(', ')}; or a .css file inside the project)`);
    return { problems };
  }
  if (!where.ok) {
    error(outsideMessage('theme', theme, file, where.real));
    return { problems };
  }
  const css = readFileSync(where.real, 'utf8');
  const shown = path.relative(process.cwd(), where.real) || where.real;
  for (const { ref, line } of cssReferences(css)) {
    if (!LOCAL(ref)) continue;
    const target = ref.startsWith('/') ? ref : path.resolve(path.dirname(where.real), decodeURI(ref.split(/[?#]/)[0]));
    if (!existsSync(target)) continue; // Vite reports it when it bundles the theme
    const inside = contain(target, roots);
    if (!inside.ok && !inside.missing) error(outsideMessage('file', ref, target, inside.real), { file: shown, line });
  }
  return { file: where.real, problems };
}

/** The line of `theme:` in a file's front matter (1 when it has none). */
export function themeLine(text: string): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => /^theme\s*:/.test(l));
  return i < 0 ? 1 : i + 1;
}
