// The bundled font in dev. The page gets a TrueType subset of the characters
// the deck uses (made in ~0.2 s, cached: 0.5 MB instead of 21 MB to fetch and
// decode before the first slide shows), and the full font for every other
// character (disjoint unicode-ranges): a character typed later, outside the
// subset, is drawn from the full font, which the browser fetches only then.
import type { Deck } from '../deck/model.ts';
import { presentingText } from '../shared/pageWords.ts';
import { fontFaceCss, unicodeRange, unicodeRangeExcept } from '../font/css.ts';
import { DECK_WEIGHTS, fontSourcePath, type DeckWeight } from '../font/source.ts';
import { CONTROL_CHARS, subsetChars, subsetFontFile } from '../font/subset.ts';

const served = (file: string) => `/@fs${file}`;

/** The full font, for every character but `except`. */
function fullFontCss(except = ''): string {
  const urls = {} as Record<DeckWeight, string>;
  for (const weight of DECK_WEIGHTS) urls[weight] = served(fontSourcePath(weight));
  return fontFaceCss(urls, 'truetype', except ? unicodeRangeExcept(except) : undefined);
}

export interface DevFonts {
  /** @font-face rules: the deck's subset for its characters, the full font for the rest. */
  css: string;
  /** The subset's files, for the page to preload (none without a subset). */
  files: string[];
}

export async function devFonts(deck: Deck): Promise<DevFonts> {
  const text = `${deck.text}${presentingText()}`;
  if (last?.text === text) return last.fonts;
  const fonts = await makeFonts(text);
  last = { text, fonts };
  return fonts;
}

/** The last fonts made: the page asks again on every reload, mostly for the same deck. */
let last: { text: string; fonts: DevFonts } | undefined;

async function makeFonts(text: string): Promise<DevFonts> {
  try {
    const urls = {} as Record<DeckWeight, string>;
    await Promise.all(
      DECK_WEIGHTS.map(async (weight) => {
        urls[weight] = served((await subsetFontFile(text, weight, 'truetype')).file);
      }),
    );
    const chars = subsetChars(text);
    return {
      css: `${fontFaceCss(urls, 'truetype', unicodeRange(chars))}\n${fullFontCss(chars + CONTROL_CHARS)}`,
      files: DECK_WEIGHTS.map((w) => urls[w]),
    };
  } catch {
    // No subset (a read-only cache, say): the full font alone still draws everything.
    return { css: fullFontCss(), files: [] };
  }
}
