// The bundled Chinese font: finds the full Noto Sans SC TrueType file for a
// weight in @expo-google-fonts/noto-sans-sc (SIL OFL 1.1) and checks it has
// TrueType (glyf) outlines, which Chromium's PDF output embeds as CID TrueType
// fonts, never Type 3. Also names the private CSS family the deck uses.

import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** CSS family of the bundled font; private, so a system Noto can never stand in. */
export const FONT_FAMILY = 'IUR Noto Sans SC';

/** npm package holding the font files. */
export const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

/** Weights the package ships as separate static TrueType files. */
export type FontWeight = 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900;

/** Weights the deck uses (regular and bold). */
export const DECK_WEIGHTS = [400, 700] as const;
export type DeckWeight = (typeof DECK_WEIGHTS)[number];

const WEIGHT_NAMES: Record<FontWeight, string> = {
  100: 'Thin',
  200: 'ExtraLight',
  300: 'Light',
  400: 'Regular',
  500: 'Medium',
  600: 'SemiBold',
  700: 'Bold',
  800: 'ExtraBold',
  900: 'Black',
};

/** Directory of the installed font package, resolved from this file (works from any cwd). */
export function fontPackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
}

/** The font's licence (SIL OFL 1.1, Adobe copyright); must travel with any build that bundles the font. */
export function fontLicensePath(): string {
  return join(fontPackageDir(), 'LICENSE_FONT');
}

/** Table tags listed in the directory of an sfnt (TrueType/OpenType) font; needs only the first 12 + 16·numTables bytes. */
export function sfntTableTags(data: Uint8Array): string[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 12) throw new Error('not an sfnt font: shorter than its 12-byte header');
  const numTables = view.getUint16(4);
  if (data.byteLength < 12 + 16 * numTables) throw new Error('not an sfnt font: table directory truncated');
  const tags: string[] = [];
  for (let i = 0; i < numTables; i++) {
    const o = 12 + 16 * i;
    tags.push(String.fromCharCode(data[o], data[o + 1], data[o + 2], data[o + 3]));
  }
  return tags;
}

/** Throws unless `data` starts an sfnt font with TrueType (glyf) outlines. `file` only names it in the error. */
export function assertGlyfFont(data: Uint8Array, file: string): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = data.byteLength >= 4 ? view.getUint32(0) : 0;
  const asText = String.fromCharCode(...data.subarray(0, 4));
  if (version !== 0x00010000 && asText !== 'true') {
    const kind =
      asText === 'OTTO'
        ? 'an OpenType/CFF font'
        : asText === 'ttcf'
          ? 'a font collection'
          : `not a TrueType font (starts with ${JSON.stringify(asText)})`;
    throw new Error(`${file}: ${kind}; the deck needs a TrueType font with glyf outlines so PDFs embed it as TrueType, not Type 3`);
  }
  const tags = sfntTableTags(data);
  if (!tags.includes('glyf') || !tags.includes('loca')) {
    throw new Error(`${file}: TrueType font without glyf/loca tables (has ${tags.join(' ')}); the deck needs glyf outlines`);
  }
  if (tags.includes('fvar')) {
    throw new Error(`${file}: variable font (fvar table); the deck needs a static instance per weight`);
  }
}

const verified = new Set<string>();

/** Path of the Noto Sans SC TrueType file for `weight`, checked once per process to have glyf outlines. */
export function fontSourcePath(weight: FontWeight): string {
  const name = WEIGHT_NAMES[weight];
  if (name === undefined) throw new Error(`no Noto Sans SC file for weight ${String(weight)}`);
  const file = join(fontPackageDir(), `${weight}${name}`, `NotoSansSC_${weight}${name}.ttf`);
  if (!verified.has(file)) {
    assertGlyfFont(readHead(file), file);
    verified.add(file);
  }
  return file;
}

/** Reads just the header and table directory of a font file. */
function readHead(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new Error(`bundled font missing: ${file} (is ${FONT_PACKAGE} installed?)`, { cause: err });
  }
  try {
    const head = Buffer.alloc(12);
    readSync(fd, head, 0, 12, 0);
    const numTables = head.readUInt16BE(4);
    const all = Buffer.alloc(12 + 16 * numTables);
    const n = readSync(fd, all, 0, all.length, 0);
    return all.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
