// Word boxes of a PDF as pdftotext -bbox-layout reports them (poppler), page
// by page, in PDF points from the page's top-left corner.
import { execFileSync } from 'node:child_process';

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface WordPage {
  width: number;
  height: number;
  words: Word[];
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export function pdfWords(file: string): WordPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">(.*?)<\/page>/gs)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    words: [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      text: decode(w[5]),
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
    })),
  }));
}

/** A "word" of zero-width characters only (the zero-width space that carries a list number's weight): it draws nothing. */
const drawsNothing = (w: Word): boolean => /^[\u200B-\u200D\u2060\uFEFF]*$/.test(w.text);

/**
 * Pairs of words on a page whose boxes overlap by more than a sliver (a
 * quarter of the smaller height and a few points across). pdftotext gives a
 * zero-width character a box as wide as a glyph, though the next word starts
 * where it does: such words are left out.
 */
export function overlappingWords(all: Word[]): [Word, Word][] {
  const words = all.filter((w) => !drawsNothing(w));
  const out: [Word, Word][] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i];
      const b = words[j];
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (across > 2 && down > Math.min(a.y1 - a.y0, b.y1 - b.y0) * 0.25) out.push([a, b]);
    }
  }
  return out;
}
