// Tests for the bundled font: source lookup and glyf check, subsetting (cmap of
// the output holds exactly the characters asked for), WOFF2 keeping glyf
// outlines, the disk cache, and the @font-face CSS.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontFaceCss, FONT_MIME, unicodeRange, unicodeRangeExcept } from '../../../src/font/css.ts';
import { assertGlyfFont, FONT_FAMILY, fontLicensePath, fontSourcePath, sfntTableTags } from '../../../src/font/source.ts';
import { BASE_CHARS, subsetCacheFile, subsetChars, subsetFont } from '../../../src/font/subset.ts';
import { cmapCodePoints } from '../../../src/font/cmap.ts';

const TEXT = '产学研合作的热点与思考\n高校、企业和科研院所：协同创新！😀';
const ABSENT = '鑫'; // in Noto Sans SC, not in TEXT or BASE_CHARS

const WOFF2_KNOWN_TAGS =
  'cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'
    .match(/.{4}\s?/g)!
    .map((t) => t.slice(0, 4));

/** Table tags of a WOFF2 font's directory (spec §5). */
function woff2TableTags(font: Buffer): string[] {
  const n = font.readUInt16BE(12);
  let o = 48;
  const base128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const b = font[o++];
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return value;
    }
    throw new Error('bad UIntBase128');
  };
  const tags: string[] = [];
  for (let i = 0; i < n; i++) {
    const flags = font[o++];
    const index = flags & 0x3f;
    const transform = flags >> 6;
    let tag: string;
    if (index === 63) {
      tag = font.toString('latin1', o, o + 4);
      o += 4;
    } else tag = WOFF2_KNOWN_TAGS[index]!;
    base128(); // origLength
    const glyfOrLoca = tag === 'glyf' || tag === 'loca';
    if (glyfOrLoca ? transform === 0 : transform !== 0) base128(); // transformLength
    tags.push(tag);
  }
  return tags;
}

const codePoints = (s: string): Set<number> => new Set(Array.from(s, (c) => c.codePointAt(0)!));

let cacheDir = '';
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'iur-font-test-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('font source', () => {
  it('finds static TrueType (glyf) files for 400 and 700', () => {
    for (const weight of [400, 700] as const) {
      const file = fontSourcePath(weight);
      expect(file).toMatch(/NotoSansSC_\d+\w+\.ttf$/);
      expect(existsSync(file)).toBe(true);
    }
    expect(existsSync(fontLicensePath())).toBe(true);
  });

  it('rejects CFF fonts and TrueType fonts without glyf', () => {
    const header = (sig: number[], tags: string[]): Buffer => {
      const b = Buffer.alloc(12 + 16 * tags.length);
      b.set(sig, 0);
      b.writeUInt16BE(tags.length, 4);
      tags.forEach((t, i) => b.write(t, 12 + 16 * i, 'latin1'));
      return b;
    };
    expect(() => assertGlyfFont(header([0x4f, 0x54, 0x54, 0x4f], ['CFF ', 'cmap']), 'x.otf')).toThrow(/OpenType\/CFF/);
    expect(() => assertGlyfFont(header([0, 1, 0, 0], ['cmap', 'head']), 'x.ttf')).toThrow(/without glyf/);
    expect(() => assertGlyfFont(header([0, 1, 0, 0], ['glyf', 'loca']), 'x.ttf')).not.toThrow();
  });
});

describe('subsetChars', () => {
  it('is the sorted unique characters of the text plus the base set, without controls', () => {
    const chars = subsetChars('思考思\n考');
    expect(chars).toContain('思');
    expect(chars).toContain('，');
    expect(chars).toContain('A');
    expect(chars).not.toContain('\n');
    expect(Array.from(chars).length).toBe(Array.from(BASE_CHARS).length + 2);
    expect(subsetChars('考思')).toBe(chars);
  });
});

describe('subsetFont', () => {
  it('truetype output has glyf outlines and maps exactly the characters asked for', async () => {
    const font = await subsetFont(TEXT, 400, 'truetype', { cacheDir });
    expect(font.readUInt32BE(0)).toBe(0x00010000);
    expect(sfntTableTags(font)).toEqual(expect.arrayContaining(['glyf', 'loca', 'cmap']));
    expect(sfntTableTags(font)).not.toContain('CFF ');

    const source = cmapCodePoints(await readFile(fontSourcePath(400)));
    const wanted = new Set([...codePoints(subsetChars(TEXT))].filter((cp) => source.has(cp)));
    expect(wanted.has('协'.codePointAt(0)!)).toBe(true);
    expect(source.has(ABSENT.codePointAt(0)!)).toBe(true);

    const got = cmapCodePoints(font);
    expect([...got].sort((a, b) => a - b)).toEqual([...wanted].sort((a, b) => a - b));
    expect(got.has(ABSENT.codePointAt(0)!)).toBe(false);
    expect(font.length).toBeLessThan(200_000);
  });

  it('woff2 output keeps glyf outlines (transformed glyf/loca, no CFF)', async () => {
    const font = await subsetFont(TEXT, 700, 'woff2', { cacheDir });
    expect(font.toString('latin1', 0, 4)).toBe('wOF2');
    expect(font.readUInt32BE(4)).toBe(0x00010000); // flavor: TrueType
    const tags = woff2TableTags(font);
    expect(tags).toEqual(expect.arrayContaining(['glyf', 'loca', 'cmap']));
    expect(tags).not.toContain('CFF ');
  });

  it('caches on disk and returns identical bytes on a second call', async () => {
    const text = '缓存测试';
    const file = await subsetCacheFile(text, 400, 'truetype', { cacheDir });
    expect(existsSync(file)).toBe(false);
    const first = await subsetFont(text, 400, 'truetype', { cacheDir });
    expect(existsSync(file)).toBe(true);
    expect(await readFile(file)).toEqual(first);
    const second = await subsetFont('试测存缓缓', 400, 'truetype', { cacheDir }); // same character set
    expect(second.equals(first)).toBe(true);
    expect(await subsetCacheFile(text, 400, 'woff2', { cacheDir })).not.toBe(file);
    expect(await subsetCacheFile(text, 700, 'truetype', { cacheDir })).not.toBe(file);
  });
});

describe('fontFaceCss', () => {
  it('declares the 400 and 700 faces of the private family with font-display: block', () => {
    const css = fontFaceCss({ 400: 'data:font/woff2;base64,AAAA', 700: 'fonts/bold "x".woff2' }, 'woff2');
    expect(css.match(/@font-face/g)).toHaveLength(2);
    expect(css.match(new RegExp(`font-family: '${FONT_FAMILY}';`, 'g'))).toHaveLength(2);
    expect(css).toContain('font-weight: 400;');
    expect(css).toContain('font-weight: 700;');
    expect(css.match(/font-display: block;/g)).toHaveLength(2);
    expect(css).toContain('src: url("data:font/woff2;base64,AAAA") format("woff2");');
    expect(css).toContain('src: url("fonts/bold \\"x\\".woff2") format("woff2");');
    expect(fontFaceCss({ 400: 'a.ttf', 700: 'b.ttf' }, 'truetype')).toContain('format("truetype")');
    expect(FONT_MIME.woff2).toBe('font/woff2');
  });
});

describe('unicode-range for the dev font (subset, and the full font for the rest)', () => {
  it('lists runs of code points, and exactly their complement', () => {
    expect(unicodeRange('CAB𠀀E')).toBe('U+41-43, U+45, U+20000');
    expect(unicodeRangeExcept('CAB𠀀E')).toBe('U+0-40, U+44, U+46-1FFFF, U+20001-10FFFF');
    expect(unicodeRangeExcept('')).toBe('U+0-10FFFF');
  });

  it('puts the range on every face', () => {
    const css = fontFaceCss({ 400: 'a.ttf', 700: 'b.ttf' }, 'truetype', 'U+4E00-9FFF');
    expect(css.match(/unicode-range: U\+4E00-9FFF;/g)).toHaveLength(2);
    expect(fontFaceCss({ 400: 'a.ttf', 700: 'b.ttf' }, 'truetype')).not.toContain('unicode-range');
  });
});
