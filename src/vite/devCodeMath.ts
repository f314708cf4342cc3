// The code font's and KaTeX's CSS in dev, for a deck that has code or
// formulas: the whole monospace TrueType file (115 KB, any character typed
// later is in it) and every KaTeX face, each served from node_modules by
// Vite — the browser fetches only the faces a formula draws. A save that
// adds the first code block or formula sends this with the new slides
// (src/client/liveUpdate.ts puts it in). A deck with neither: ''.
import type { Deck } from '../deck/model.ts';
import { allKatexFaces, katexCss, katexDist, katexFaceCss } from '../font/katexFaces.ts';
import { monoFontCss, monoSourcePath } from '../font/mono.ts';

const served = (file: string) => `/@fs${file}`;

export function devCodeMathCss(deck: Deck): string {
  const css: string[] = [];
  if (deck.codeText !== undefined) css.push(monoFontCss(served(monoSourcePath()), 'truetype'));
  if (deck.math)
    css.push(
      katexFaceCss(allKatexFaces(), (f) => served(`${katexDist()}/fonts/${f.file}`)),
      katexCss(),
    );
  return css.join('\n');
}
