// How many lines a paragraph takes in a text box of a given width when a
// receiver's fallback font sets it (fallbackWidths.ts), broken the way
// PowerPoint and LibreOffice break Chinese: before any Chinese character,
// at spaces between Latin words, never inside a Latin word that fits a line,
// never before a closing mark (，。）” …) or after an opening one (（“ …).
// LibreOffice also puts about a quarter em between Chinese and Latin
// letters (measured: 4.1–4.2 pt at 18 pt), which is counted too, so the
// count is what the widest of the receivers' layouts needs.
import { advance, isWide, type FallbackFont } from './fallbackWidths.ts';

/** A run of text as written: size in CSS px. */
export interface StyledRun {
  text: string;
  size: number;
  bold: boolean;
  /** A line break before the run (<br>). */
  breakBefore?: boolean;
}

/** Room LibreOffice adds where Chinese and Latin letters meet, em. */
export const CJK_LATIN_GAP = 0.25;

/** Marks a line may not start with (they stay with what precedes them). */
const NO_START = new Set(Array.from('，。、；：？！）》」』】〕〉”’…·％,.;:?!)]}%'));
/** Marks a line may not end with (they go with what follows). */
const NO_END = new Set(Array.from('（《「『【〔〈“‘([{'));

type Kind = 'wide' | 'narrow' | 'space';

interface Piece {
  kind: Kind;
  width: number;
  /** No break between this piece and the one before. */
  glued: boolean;
  /** A forced line break before it. */
  hardBreak: boolean;
}

const kindOf = (char: string): Kind => (/\s/.test(char) ? 'space' : isWide(char.codePointAt(0) ?? 0) ? 'wide' : 'narrow');

/** The paragraph as pieces: each Chinese character, each Latin word, each space, with its width in px. */
function pieces(runs: StyledRun[], font: FallbackFont, scale: number): Piece[] {
  const out: Piece[] = [];
  let lastLetter: Kind | null = null;
  let glueNext = false;
  for (const run of runs) {
    const size = run.size * scale;
    let hardBreak = run.breakBefore === true && out.length > 0;
    for (const char of Array.from(run.text)) {
      const kind = kindOf(char);
      let width = advance(font, char, run.bold) * size;
      if (kind !== 'space' && lastLetter !== null && lastLetter !== kind) width += CJK_LATIN_GAP * size;
      const previous = out[out.length - 1];
      const glued = glueNext || NO_START.has(char);
      if (kind === 'narrow' && previous?.kind === 'narrow' && !hardBreak) {
        previous.width += width; // the same Latin word
      } else {
        out.push({ kind, width, glued: glued && !hardBreak, hardBreak });
      }
      glueNext = NO_END.has(char);
      if (kind !== 'space') lastLetter = kind;
      hardBreak = false;
    }
  }
  return out;
}

/** Pieces that may not be parted (a closing mark with what precedes it …) as one. */
function groups(list: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of list) {
    const previous = out[out.length - 1];
    if (p.glued && previous && previous.kind !== 'space' && p.kind !== 'space') previous.width += p.width;
    else out.push({ ...p });
  }
  return out;
}

/** Lines the paragraph takes in `width` px with `font` at `scale` times its size (an empty paragraph: one). */
export function lineCount(runs: StyledRun[], width: number, font: FallbackFont, scale = 1): number {
  let lines = 1;
  let used = 0;
  let pendingSpace = 0;
  for (const piece of groups(pieces(runs, font, scale))) {
    if (piece.hardBreak) {
      lines++;
      used = 0;
      pendingSpace = 0;
    }
    if (piece.kind === 'space') {
      if (used > 0) pendingSpace += piece.width;
      continue;
    }
    if (used > 0 && used + pendingSpace + piece.width > width) {
      lines++;
      used = 0;
    } else {
      used += pendingSpace;
    }
    pendingSpace = 0;
    // A word longer than a whole line is broken inside, as both clients do.
    let w = piece.width;
    while (used === 0 && w > width) {
      lines++;
      w -= width;
    }
    used += w;
  }
  return lines;
}
