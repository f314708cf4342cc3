// `--range 3-7,10`: parses 1-based slide numbers and ranges into a sorted list
// of 0-based slide indices, checked against the deck's slide count.
import { plural } from '../shared/plural.ts';

export class SlideRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlideRangeError';
  }
}

/** One piece of a range: `from`..`to` (1-based, inclusive; `to` undefined = to the end). */
export interface RangePiece {
  from: number;
  to: number | undefined;
}

/** Syntax only (the slide count is not known before the build): "3-7,10,12-". */
export function parseRange(spec: string): RangePiece[] {
  const pieces: RangePiece[] = [];
  for (const raw of spec.split(',')) {
    const item = raw.trim();
    const m = /^(\d+)(?:\s*(-)\s*(\d+)?)?$/.exec(item);
    if (!m) throw new SlideRangeError(`--range: "${item}" is not a slide number or a range like 3-7 (slides count from 1)`);
    const from = Number(m[1]);
    const to = m[2] ? (m[3] === undefined ? undefined : Number(m[3])) : from;
    if (from < 1) throw new SlideRangeError(`--range: slides count from 1, got ${from}`);
    if (to !== undefined && to < from) throw new SlideRangeError(`--range: "${item}" goes backwards`);
    pieces.push({ from, to });
  }
  return pieces;
}

/** The 0-based indices of the selected slides, in deck order, without repeats. */
export function selectSlides(pieces: RangePiece[], slideCount: number): number[] {
  const chosen = new Set<number>();
  for (const { from, to } of pieces) {
    const last = to ?? slideCount;
    if (from > slideCount || last > slideCount) {
      throw new SlideRangeError(
        `--range: the deck has ${plural(slideCount, 'slide')}, ${to === undefined ? from : `${from}-${to}`} is outside it`,
      );
    }
    for (let n = from; n <= last; n++) chosen.add(n - 1);
  }
  return [...chosen].sort((a, b) => a - b);
}
