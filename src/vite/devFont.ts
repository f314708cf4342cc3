// The bundled font in dev: the full TrueType files, served by Vite from
// node_modules, so any character typed shows in the bundled font at once.
import { fontFaceCss } from '../font/css.ts';
import { DECK_WEIGHTS, fontSourcePath, type DeckWeight } from '../font/source.ts';

export function devFontCss(): string {
  const urls = {} as Record<DeckWeight, string>;
  for (const weight of DECK_WEIGHTS) urls[weight] = `/@fs${fontSourcePath(weight)}`;
  return fontFaceCss(urls, 'truetype');
}
