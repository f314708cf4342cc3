// The @font-face CSS of the bundled font, as a virtual stylesheet that lives
// (virtually) in the font cache folder so its relative url()s resolve to real
// files: subsets of the deck's glyphs in a build, the full font in dev (so any
// character typed shows in the bundled font at once).
import path from 'node:path';
import { fontFaceCss } from '../font/css.ts';
import { DECK_WEIGHTS, fontSourcePath, type DeckWeight } from '../font/source.ts';
import { defaultCacheDir, subsetCacheFile, subsetFont } from '../font/subset.ts';

export function fontCssId(): string {
  return path.join(defaultCacheDir(), 'iur-font.css');
}

function relativeUrl(file: string): string {
  const rel = path.relative(path.dirname(fontCssId()), file).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export async function fontCss(text: string, mode: 'subset' | 'full'): Promise<string> {
  const urls = {} as Record<DeckWeight, string>;
  for (const weight of DECK_WEIGHTS) {
    if (mode === 'full') {
      urls[weight] = relativeUrl(fontSourcePath(weight));
    } else {
      await subsetFont(text, weight, 'woff2');
      urls[weight] = relativeUrl(await subsetCacheFile(text, weight, 'woff2'));
    }
  }
  return fontFaceCss(urls, mode === 'full' ? 'truetype' : 'woff2');
}
