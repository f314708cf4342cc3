// Icons for cards: SVG files of the Lucide icon set (npm `lucide-static`, ISC
// licence), read in Node at parse time and inlined into the slide's HTML, so
// the deck carries only the icons it uses and fetches nothing at the venue.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let folder: string | undefined;
const cache = new Map<string, string | undefined>();

function iconFolder(): string {
  folder ??= path.join(path.dirname(require.resolve('lucide-static/package.json')), 'icons');
  return folder;
}

/** A valid icon name: lower-case words joined by hyphens (`users`, `building-2`). */
export const ICON_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The inline SVG of a Lucide icon, sized by CSS (1em box, `currentColor`
 * strokes) and hidden from screen readers, or undefined when there is no such icon.
 */
export function iconSvg(name: string): string | undefined {
  if (!ICON_NAME.test(name)) return undefined;
  if (cache.has(name)) return cache.get(name);
  let svg: string | undefined;
  try {
    const raw = readFileSync(path.join(iconFolder(), `${name}.svg`), 'utf8');
    const licence = /<!--\s*@license[^>]*-->/.exec(raw)?.[0] ?? '';
    svg = raw
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\s+/g, ' ')
      .replace(/<svg\b[^>]*?>/, (open) =>
        open
          .replace(/\s(class|width|height)="[^"]*"/g, '')
          .replace(/^<svg/, `<svg class="card-icon" data-icon="${name}" aria-hidden="true" focusable="false"`),
      )
      .replace(/>\s+</g, '><')
      .trim()
      .replace(/<\/svg>$/, `${licence}</svg>`);
  } catch {
    svg = undefined;
  }
  cache.set(name, svg);
  return svg;
}

let tags: Record<string, string[]> | undefined;

/** Icon names close to `name` (same first word, or tagged with it), for the error message. */
export function similarIcons(name: string, limit = 5): string[] {
  const head = name.split('-')[0];
  try {
    tags ??= JSON.parse(readFileSync(path.join(iconFolder(), '..', 'tags.json'), 'utf8')) as Record<string, string[]>;
  } catch {
    return [];
  }
  const known = tags;
  return Object.keys(known)
    .filter((n) => (head.length >= 3 && n.startsWith(head)) || known[n].includes(name))
    .slice(0, limit);
}
