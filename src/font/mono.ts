// The monospace font a deck with code carries: JetBrains Mono Regular (SIL
// OFL 1.1, TrueType outlines, from @expo-google-fonts/jetbrains-mono) under
// the private family 'IUR JetBrains Mono', subset to the characters of the
// deck's code like the Chinese font. Chinese in a comment or a string falls
// back to the bundled Noto Sans SC (the family list in codeFontCss), never to
// the venue PC's fonts. A deck without code ships none of it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { assertGlyfFont, FONT_FAMILY } from './source.ts';
import type { FontFormat } from './subset.ts';

export const MONO_FAMILY = 'IUR JetBrains Mono';

/** The CSS family list of code: the bundled monospace font, then the bundled Chinese one. */
export const MONO_STACK = `'${MONO_FAMILY}', '${FONT_FAMILY}', monospace`;

const PACKAGE = '@expo-google-fonts/jetbrains-mono';

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
}

let checked: string | undefined;

/** The TrueType file, checked once a process to have glyf outlines (so a PDF embeds it as TrueType, not Type 3). */
export function monoSourcePath(): string {
  const file = join(packageDir(), '400Regular', 'JetBrainsMono_400Regular.ttf');
  if (checked !== file) {
    assertGlyfFont(readFileSync(file), file);
    checked = file;
  }
  return file;
}

/** The font's licence (SIL OFL 1.1), copied into a build that ships the font. */
export function monoLicensePath(): string {
  return join(packageDir(), 'LICENSE_FONT');
}

/** The @font-face rule of the monospace font at `url`. */
export function monoFontCss(url: string, format: FontFormat): string {
  return [
    '@font-face {',
    `  font-family: '${MONO_FAMILY}';`,
    '  font-style: normal;',
    '  font-weight: 400;',
    '  font-display: block;',
    `  src: url("${url.replace(/["\\]/g, (c) => `\\${c}`)}") format("${format}");`,
    '}',
  ].join('\n');
}
