// Reads which characters a TrueType font maps to a glyph (its Unicode cmap),
// to tell which characters of a deck the bundled font lacks.
import { closeSync, openSync, readSync } from 'node:fs';

/** Offset and length of an sfnt table. */
export function sfntTable(font: Buffer, tag: string): { offset: number; length: number } | undefined {
  const n = font.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const o = 12 + 16 * i;
    if (font.toString('latin1', o, o + 4) === tag) return { offset: font.readUInt32BE(o + 8), length: font.readUInt32BE(o + 12) };
  }
  return undefined;
}

/** Code points mapped to a non-zero glyph by the Unicode cmap subtable (format 12, else 4). */
export function cmapCodePoints(font: Buffer): Set<number> {
  const cmap = sfntTable(font, 'cmap');
  if (!cmap) throw new Error('no cmap');
  return codePointsOfCmap(font, cmap.offset);
}

/** The same, reading only the font file's table directory and its cmap (a few hundred kB of the 10 MB font). */
export function fileCodePoints(file: string): Set<number> {
  const fd = openSync(file, 'r');
  try {
    const read = (offset: number, length: number) => {
      const buf = Buffer.alloc(length);
      readSync(fd, buf, 0, length, offset);
      return buf;
    };
    const tables = read(4, 2).readUInt16BE(0);
    const directory = Buffer.concat([Buffer.alloc(12), read(12, 16 * tables)]);
    directory.writeUInt16BE(tables, 4);
    const cmap = sfntTable(directory, 'cmap');
    if (!cmap) throw new Error(`no cmap in ${file}`);
    return codePointsOfCmap(read(cmap.offset, cmap.length), 0);
  } finally {
    closeSync(fd);
  }
}

/** The code points of the cmap table at `base` in `font`. */
function codePointsOfCmap(font: Buffer, base: number): Set<number> {
  const subtables = new Map<number, number>();
  for (let i = 0; i < font.readUInt16BE(base + 2); i++) {
    const rec = base + 4 + 8 * i;
    const offset = base + font.readUInt32BE(rec + 4);
    subtables.set(font.readUInt16BE(offset), offset);
  }
  const out = new Set<number>();
  const f12 = subtables.get(12);
  const f4 = subtables.get(4);
  if (f12 !== undefined) {
    const groups = font.readUInt32BE(f12 + 12);
    for (let g = 0; g < groups; g++) {
      const o = f12 + 16 + 12 * g;
      const [start, end, glyph] = [font.readUInt32BE(o), font.readUInt32BE(o + 4), font.readUInt32BE(o + 8)];
      for (let cp = start; cp <= end; cp++) if (glyph + cp - start !== 0) out.add(cp);
    }
  } else if (f4 !== undefined) {
    const segX2 = font.readUInt16BE(f4 + 6);
    const ends = f4 + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    for (let s = 0; s < segX2; s += 2) {
      const [end, start, delta, range] = [
        font.readUInt16BE(ends + s),
        font.readUInt16BE(starts + s),
        font.readInt16BE(deltas + s),
        font.readUInt16BE(ranges + s),
      ];
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph: number;
        if (range === 0) glyph = (cp + delta) & 0xffff;
        else {
          const g = font.readUInt16BE(ranges + s + range + 2 * (cp - start));
          glyph = g === 0 ? 0 : (g + delta) & 0xffff;
        }
        if (glyph !== 0) out.add(cp);
      }
    }
  } else throw new Error('no format 4 or 12 cmap subtable');
  return out;
}
