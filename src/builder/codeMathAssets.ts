// What a built deck with code or formulas carries besides the Chinese font:
// the monospace font subset to its code (src/font/mono.ts), KaTeX's CSS and
// the KaTeX faces its formulas use (src/font/katexFaces.ts), as files beside
// the page or, for the single file, data: URLs; and their licences. A deck
// with neither gets nothing: no CSS, no file.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deck } from '../deck/model.ts';
import { katexCss, katexDist, katexFaceCss, katexFacesUsed, katexLicensePath, type KatexFace } from '../font/katexFaces.ts';
import { monoFontCss, monoLicensePath, monoSourcePath } from '../font/mono.ts';
import { subsetSourceFile } from '../font/subset.ts';

export interface CodeMathAssets {
  /** @font-face rules and KaTeX's CSS; '' for a deck with neither code nor formulas. */
  css: string;
  /** Licence files to write beside the page: name → source path. */
  licences: Record<string, string>;
}

/** Characters the code's font always has: line numbers and ASCII come with subsetChars. */
const CODE_EXTRA = '0123456789';

/** Every formula's and note's HTML, where the KaTeX classes are. */
export function formulaHtml(deck: Deck): string {
  return deck.slides.map((s) => `${s.html}${s.notes}`).join('\n');
}

async function monoCss(deck: Deck, assetsDir: string, inline: boolean): Promise<string> {
  const { data, file } = await subsetSourceFile(
    `${deck.codeText ?? ''}${CODE_EXTRA}`,
    { file: monoSourcePath(), name: 'JetBrainsMono-400' },
    'woff2',
  );
  if (inline) return monoFontCss(`data:font/woff2;base64,${data.toString('base64')}`, 'woff2');
  const name = path.basename(file);
  await writeFile(path.join(assetsDir, name), data);
  return monoFontCss(`./assets/${name}`, 'woff2');
}

async function mathCss(deck: Deck, assetsDir: string, inline: boolean): Promise<string> {
  const faces = katexFacesUsed(formulaHtml(deck));
  const urls = new Map<KatexFace, string>();
  for (const face of faces) {
    const data = await readFile(path.join(katexDist(), 'fonts', face.file));
    if (inline) urls.set(face, `data:font/woff2;base64,${data.toString('base64')}`);
    else {
      await writeFile(path.join(assetsDir, face.file), data);
      urls.set(face, `./assets/${face.file}`);
    }
  }
  return `${katexFaceCss(faces, (f) => urls.get(f) ?? '')}\n${katexCss()}`;
}

export async function writeCodeMathAssets(deck: Deck, assetsDir: string, inline: boolean): Promise<CodeMathAssets> {
  const css: string[] = [];
  const licences: Record<string, string> = {};
  if (deck.codeText !== undefined) {
    css.push(await monoCss(deck, assetsDir, inline));
    licences['CODE-FONT-LICENSE.txt'] = monoLicensePath();
  }
  if (deck.math) {
    css.push(await mathCss(deck, assetsDir, inline));
    licences['KATEX-LICENSE.txt'] = katexLicensePath();
  }
  return { css: css.join('\n'), licences };
}
