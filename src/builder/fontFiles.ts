// The bundled font for a built deck: subsets of the glyphs the deck uses
// (cached), written beside the page with content-hashed names, or inlined as
// data: URLs for a single-file deck. Returns the @font-face CSS and the files
// for the page to preload.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deck } from '../deck/model.ts';
import { fontFaceCss } from '../font/css.ts';
import { DECK_WEIGHTS, type DeckWeight } from '../font/source.ts';
import { subsetFontFile } from '../font/subset.ts';
import { presentingText } from '../shared/pageWords.ts';

export interface DeckFonts {
  /** @font-face rules. */
  css: string;
  /** Font files beside the page (none when inlined), to preload. */
  files: string[];
}

export async function writeFontFiles(deck: Deck, assetsDir: string, inline: boolean): Promise<DeckFonts> {
  // The subset also covers the presenting UI's own Chinese (key help, speaker view).
  const text = `${deck.text}${presentingText()}`;
  const urls = {} as Record<DeckWeight, string>;
  await Promise.all(
    DECK_WEIGHTS.map(async (weight) => {
      const { data, file } = await subsetFontFile(text, weight, 'woff2');
      if (inline) {
        urls[weight] = `data:font/woff2;base64,${data.toString('base64')}`;
      } else {
        const name = path.basename(file);
        await writeFile(path.join(assetsDir, name), data);
        urls[weight] = `./assets/${name}`;
      }
    }),
  );
  return { css: fontFaceCss(urls, 'woff2'), files: inline ? [] : DECK_WEIGHTS.map((w) => urls[w]) };
}
