// Icons for cards: SVG files of the Lucide icon set (npm `lucide-static`, ISC
// licence), read in Node at parse time and inlined into the slide's HTML, so
// the deck carries only the icons it uses and fetches nothing at the venue.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { closestNames } from './closestNames.ts';

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

let names: readonly string[] | undefined;

/** Every Lucide icon name, sorted: the icon set the cards take (the editor completes them). */
export function iconNames(): readonly string[] {
  if (names) return names;
  try {
    names = readdirSync(iconFolder())
      .filter((f) => f.endsWith('.svg'))
      .map((f) => f.slice(0, -'.svg'.length))
      .sort();
  } catch {
    names = [];
  }
  return names;
}

/** The Lucide file of an icon as published (its own size and strokes), or undefined: a picture of it for the editor. */
export function iconFile(name: string): string | undefined {
  if (!ICON_NAME.test(name)) return undefined;
  try {
    return readFileSync(path.join(iconFolder(), `${name}.svg`), 'utf8');
  } catch {
    return undefined;
  }
}

/** The 3 Lucide icon names closest to `name` (edit distance), for the error message. */
export function similarIcons(name: string, limit = 3): string[] {
  return closestNames(name, iconNames(), limit);
}
