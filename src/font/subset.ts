// Subsets the bundled Noto Sans SC to the characters a deck uses (plus ASCII
// and common CJK punctuation, so small edits rarely change the glyph set), in
// WOFF2 or TrueType, with a disk cache under node_modules/.cache/iur-deck/fonts/
// so warm builds skip harfbuzz. Both formats keep glyf (TrueType) outlines.

import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fontPackageDir, fontSourcePath, type FontWeight } from './source.ts';
import { readVerifiedFile, sayRebuilt, writeVerifiedFile } from '../project/cacheManifest.ts';

/** Output format: WOFF2 (what the deck ships; smaller) or plain TrueType (faster to make). */
export type FontFormat = 'woff2' | 'truetype';

export interface SubsetOptions {
  /** Cache directory; defaults to node_modules/.cache/iur-deck/fonts/ next to the font package. */
  cacheDir?: string;
}

/** A TrueType file to subset, and the name its subsets carry. */
export interface SubsetSource {
  file: string;
  name: string;
}

/** Always kept: printable ASCII and common CJK punctuation. */
export const BASE_CHARS: string =
  Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join('') + '，。、；：？！“”‘’（）《》【】—…·';

/** Bump when the way subsets are made changes, to invalidate old cache entries. */
const CACHE_VERSION = 1;

const SUBSET_FONT_VERSION: string = (createRequire(import.meta.url)('subset-font/package.json') as { version: string }).version;

const EXTENSION: Record<FontFormat, string> = { woff2: 'woff2', truetype: 'ttf' };

const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);

/** The control characters (C0, DEL, C1): in any text, drawn by no font, so in no subset. */
export const CONTROL_CHARS: string = String.fromCharCode(...Array.from({ length: 0xa0 }, (_, cp) => cp).filter(isControl));

/** The characters a subset for `text` holds: BASE_CHARS ∪ text, unique, sorted by code point, without controls or lone surrogates. */
export function subsetChars(text: string): string {
  const codePoints = new Set<number>();
  for (const ch of BASE_CHARS + text) {
    const cp = ch.codePointAt(0) ?? 0;
    const control = isControl(cp);
    const surrogate = cp >= 0xd800 && cp <= 0xdfff;
    if (!control && !surrogate) codePoints.add(cp);
  }
  return [...codePoints]
    .sort((a, b) => a - b)
    .map((cp) => String.fromCodePoint(cp))
    .join('');
}

/** Default cache directory: <node_modules>/.cache/iur-deck/fonts, found from the font package, not the cwd. */
export function defaultCacheDir(): string {
  const nodeModules = dirname(dirname(fontPackageDir())); // node_modules/@expo-google-fonts/noto-sans-sc
  return join(nodeModules, '.cache', 'iur-deck', 'fonts');
}

/** Path of the cache file for this subset (whether or not it exists yet). */
export async function subsetCacheFile(text: string, weight: FontWeight, format: FontFormat, options: SubsetOptions = {}): Promise<string> {
  return (await plan(text, { file: fontSourcePath(weight), name: `NotoSansSC-${weight}` }, format, options)).cacheFile;
}

const inFlight = new Map<string, Promise<Buffer>>();

/**
 * The bundled font at `weight`, subset to subsetChars(text), as `format`.
 * Served from the disk cache when the font file (path, size, mtime), the
 * character set and the format are unchanged; otherwise made with harfbuzz
 * and written to the cache atomically (temp file + rename).
 */
export async function subsetFont(text: string, weight: FontWeight, format: FontFormat, options: SubsetOptions = {}): Promise<Buffer> {
  return (await subsetFontFile(text, weight, format, options)).data;
}

/** subsetFont, with the cache file that holds it (to serve or name it). */
export async function subsetFontFile(
  text: string,
  weight: FontWeight,
  format: FontFormat,
  options: SubsetOptions = {},
): Promise<{ data: Buffer; file: string }> {
  return subsetSourceFile(text, { file: fontSourcePath(weight), name: `NotoSansSC-${weight}` }, format, options);
}

/** Any bundled TrueType font (the monospace one, src/font/mono.ts), subset to subsetChars(text) and cached the same way. */
export async function subsetSourceFile(
  text: string,
  source: SubsetSource,
  format: FontFormat,
  options: SubsetOptions = {},
): Promise<{ data: Buffer; file: string }> {
  const p = await plan(text, source, format, options);
  let job = inFlight.get(p.cacheFile);
  if (!job) {
    job = make(p).finally(() => inFlight.delete(p.cacheFile));
    inFlight.set(p.cacheFile, job);
  }
  return { data: await job, file: p.cacheFile };
}

interface Plan {
  source: string;
  chars: string;
  format: FontFormat;
  cacheFile: string;
}

async function plan(text: string, from: SubsetSource, format: FontFormat, options: SubsetOptions): Promise<Plan> {
  if (format !== 'woff2' && format !== 'truetype') throw new Error(`unknown font format ${String(format)}`);
  const source = from.file;
  const { size, mtimeMs } = await stat(source);
  const chars = subsetChars(text);
  const key = createHash('sha256')
    .update(JSON.stringify({ v: CACHE_VERSION, lib: SUBSET_FONT_VERSION, source, size, mtimeMs, chars, format }))
    .digest('hex');
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const cacheFile = join(cacheDir, `${from.name}-${key.slice(0, 32)}.${EXTENSION[format]}`);
  return { source, chars, format, cacheFile };
}

async function make({ source, chars, format, cacheFile }: Plan): Promise<Buffer> {
  // A cached subset is used only if it matches its manifest (src/project/cacheManifest.ts).
  const cached = await readVerifiedFile(cacheFile);
  if (cached.data && looksLike(cached.data, format)) return cached.data;
  if (cached.data || cached.damaged) sayRebuilt(`font ${basename(cacheFile)}`, cached.data ? 'not a font' : cached.why);

  // Loaded only on a cache miss: subset-font brings HarfBuzz and the WOFF2 encoder (pako, wawoff2),
  // which a warm build, with every subset cached, never needs.
  const { default: hbSubset } = await import('subset-font');
  const font = await hbSubset(await readFile(source), chars, { targetFormat: format });
  if (!looksLike(font, format)) throw new Error(`subset-font returned no ${format} font for ${source}`);

  await mkdir(dirname(cacheFile), { recursive: true });
  await writeVerifiedFile(cacheFile, font);
  return font;
}

/** Cheap check of a font's signature, so a damaged cache file is remade rather than shipped. */
function looksLike(data: Buffer, format: FontFormat): boolean {
  if (data.length < 12) return false;
  return format === 'woff2' ? data.toString('latin1', 0, 4) === 'wOF2' : data.readUInt32BE(0) === 0x00010000;
}
