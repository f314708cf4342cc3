// @font-face rules for the bundled font: regular (400) and bold (700) faces of
// the private family 'IUR Noto Sans SC', with font-display: block so slides
// never flash in a system font while the (local, embedded) font loads.

import { FONT_FAMILY, type DeckWeight } from './source.ts';
import type { FontFormat } from './subset.ts';

/** MIME type for each format, for data: URLs or served files. */
export const FONT_MIME: Record<FontFormat, string> = { woff2: 'font/woff2', truetype: 'font/ttf' };

/** A font-family value putting the bundled font first. */
export const FONT_STACK = `'${FONT_FAMILY}', sans-serif`;

/**
 * @font-face rules for the 400 and 700 faces at `urls` (file URLs or data:
 * URLs), in `format`; with `unicodeRange`, faces used only for those code points.
 */
export function fontFaceCss(urls: Record<DeckWeight, string>, format: FontFormat, unicodeRange?: string): string {
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
        ...(unicodeRange ? [`  unicode-range: ${unicodeRange};`] : []),
        '}',
      ].join('\n'),
    )
    .join('\n');
}

/** Escapes a value for a double-quoted CSS string. */
function cssString(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

const MAX_CODE_POINT = 0x10ffff;

/** Runs of consecutive code points in `chars`, as [first, last] pairs in order. */
function runsOf(chars: string): [number, number][] {
  const points = [...new Set(Array.from(chars, (c) => c.codePointAt(0) ?? 0))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const cp of points) {
    const last = runs[runs.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else runs.push([cp, cp]);
  }
  return runs;
}

function rangeText(runs: [number, number][]): string {
  const hex = (cp: number) => cp.toString(16).toUpperCase();
  return runs.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(', ');
}

/** A unicode-range value covering exactly the code points of `chars`. */
export function unicodeRange(chars: string): string {
  return rangeText(runsOf(chars));
}

/** A unicode-range value covering every code point except those of `chars`. */
export function unicodeRangeExcept(chars: string): string {
  const gaps: [number, number][] = [];
  let next = 0;
  for (const [a, b] of runsOf(chars)) {
    if (a > next) gaps.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_CODE_POINT) gaps.push([next, MAX_CODE_POINT]);
  return rangeText(gaps);
}
