// The bundled font for a built deck: subsets of the glyphs the deck uses
// (cached), written beside the page with content-hashed names, or inlined as
// data: URLs for a single-file deck. Returns the @font-face CSS and the files
// for the page to preload.
import { copyFile, link, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deck } from '../deck/model.ts';
import { fontFaceCss } from '../font/css.ts';
import { DECK_WEIGHTS, fontSourcePath, type DeckWeight } from '../font/source.ts';
import { subsetFontFile } from '../font/subset.ts';
import { presentingText } from '../shared/pageWords.ts';

export interface DeckFonts {
  /** @font-face rules. */
  css: string;
  /** Font files beside the page (none when inlined), to preload. */
  files: string[];
}

/**
 * The whole bundled font beside the page, not a subset: for the editor's
 * layout check (src/lsp/layoutCheck.ts). The characters the deck has are
 * drawn by the same glyphs as in the subset; no subset is made (harfbuzz and
 * WOFF2's WebAssembly keep some 130 MiB in a process that runs all day); and
 * the font's CSS stays the same as characters are typed, so the open page
 * takes the new slides without loading anew. Linked where it can be, else copied.
 */
export async function writeFullFontFiles(assetsDir: string): Promise<DeckFonts> {
  const urls = {} as Record<DeckWeight, string>;
  await Promise.all(
    DECK_WEIGHTS.map(async (weight) => {
      const source = fontSourcePath(weight);
      const target = path.join(assetsDir, path.basename(source));
      await link(source, target).catch(() => copyFile(source, target));
      urls[weight] = `./assets/${path.basename(source)}`;
    }),
  );
  return { css: fontFaceCss(urls, 'truetype'), files: DECK_WEIGHTS.map((w) => urls[w]) };
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
