// Where the text of a PDF page lies, as pdftotext -bbox-layout reports it
// (poppler): words grouped in its blocks, in PDF points from the page's
// top-left corner; and what is wrong with a slide's text there: a word
// outside the slide, a body word in the footer's band, a word over another
// block's box.
import { execFileSync } from 'node:child_process';
import type { Word } from './pdfWords.ts';

export interface Block {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  words: Word[];
}

export interface BlockPage {
  width: number;
  height: number;
  blocks: Block[];
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const box = (m: RegExpMatchArray, at: number): { x0: number; y0: number; x1: number; y1: number } => ({
  x0: Number(m[at]),
  y0: Number(m[at + 1]),
  x1: Number(m[at + 2]),
  y1: Number(m[at + 3]),
});

/** Every page's blocks of words. */
export function pdfBlocks(file: string): BlockPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const coords = 'xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)"';
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">(.*?)<\/page>/gs)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    blocks: [...p[3].matchAll(new RegExp(`<block ${coords}>(.*?)</block>`, 'gs'))].map((b) => ({
      ...box(b, 1),
      words: [...b[5].matchAll(new RegExp(`<word ${coords}>([^<]*)</word>`, 'g'))].map((w) => ({ ...box(w, 1), text: decode(w[5]) })),
    })),
  }));
}

/** How far two boxes overlap across and down (negative: apart). */
function overlap(a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a): { across: number; down: number } {
  return { across: Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), down: Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) };
}

/** A box in points: left, top, right, bottom. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether `inner`'s centre lies in `outer`, with room for a renderer that draws an equation a little larger than its box. */
function within(inner: Box, outer: Box, room = 24): boolean {
  const x = (inner.x0 + inner.x1) / 2;
  const y = (inner.y0 + inner.y1) / 2;
  return x >= outer.x0 - room && x <= outer.x1 + room && y >= outer.y0 - room && y <= outer.y1 + room;
}

/**
 * What is wrong with one slide's text: a word outside the slide; a body word
 * reaching into the footer's band (from the top of its highest word down);
 * a word over another block's box (by more than a sliver: a quarter of the
 * word's height and 2 pt across). `isFooter` tells the footer's words.
 * `wholes`: boxes (in the page's points) drawn as one object, such as an
 * equation, whose pieces (a limit above a sum) a reader may split into blocks
 * that overlap each other; blocks inside the same whole are not compared.
 */
export function layoutProblems(page: BlockPage, slide: string, isFooter: (w: Word) => boolean, wholes: Box[] = []): string[] {
  const problems: string[] = [];
  const words = page.blocks.flatMap((b) => b.words);
  const footer = words.filter(isFooter);
  const band = footer.length > 0 ? Math.min(...footer.map((w) => w.y0)) : page.height;
  for (const w of words) {
    if (w.x0 < -0.5 || w.y0 < -0.5 || w.x1 > page.width + 0.5 || w.y1 > page.height + 0.5)
      problems.push(
        `${slide}: "${w.text}" lies outside the slide (${w.x0.toFixed(1)},${w.y0.toFixed(1)}–${w.x1.toFixed(1)},${w.y1.toFixed(1)})`,
      );
    if (!footer.includes(w) && w.y1 > band + 0.5)
      problems.push(`${slide}: "${w.text}" reaches into the footer's band (bottom ${w.y1.toFixed(1)}, band from ${band.toFixed(1)})`);
  }
  page.blocks.forEach((block, i) => {
    page.blocks.forEach((other, j) => {
      if (i === j) return;
      if (wholes.some((whole) => within(block, whole) && within(other, whole))) return;
      for (const w of block.words) {
        const o = overlap(w, other);
        if (o.across > 2 && o.down > (w.y1 - w.y0) * 0.25)
          problems.push(
            `${slide}: "${w.text}" lies over the block of "${other.words
              .map((x) => x.text)
              .join(' ')
              .slice(0, 24)}"`,
          );
      }
    });
  });
  return problems;
}
