// @font-face rules for the bundled font: regular (400) and bold (700) faces of
// the private family 'IUR Noto Sans SC', with font-display: block so slides
// never flash in a system font while the (local, embedded) font loads.

import { FONT_FAMILY, type DeckWeight } from './source.ts';
import type { FontFormat } from './subset.ts';

/** MIME type for each format, for data: URLs or served files. */
export const FONT_MIME: Record<FontFormat, string> = { woff2: 'font/woff2', truetype: 'font/ttf' };

/** A font-family value putting the bundled font first. */
export const FONT_STACK = `'${FONT_FAMILY}', sans-serif`;

/** @font-face rules for the 400 and 700 faces at `urls` (file URLs or data: URLs), in `format`. */
export function fontFaceCss(urls: Record<DeckWeight, string>, format: FontFormat): string {
  const weights: DeckWeight[] = [400, 700];
  return weights
    .map((weight) =>
      [
        '@font-face {',
        `  font-family: '${FONT_FAMILY}';`,
        '  font-style: normal;',
        `  font-weight: ${weight};`,
        '  font-display: block;',
        `  src: url("${cssString(urls[weight])}") format("${format}");`,
        '}',
      ].join('\n'),
    )
    .join('\n');
}

/** Escapes a value for a double-quoted CSS string. */
function cssString(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}
