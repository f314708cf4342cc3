// The slide count is an invariant: the parse decides how many slides a deck
// has, and every output must hold exactly those. These compare what a page or
// a file holds with the Deck model and, when they differ, name the slide at
// file:line — the one missing, or those whose raw HTML may have changed the
// page (a <script> that adds to it) — instead of an "internal" error.
import { DeckError } from './model.ts';
import type { SourcePos, Problem } from '../shared/problem.ts';

/** What these checks need of a slide: where it is, and its HTML when known. */
export interface CountedSlide {
  pos: SourcePos;
  html?: string;
}
type Counted = { slides: readonly CountedSlide[] };

const key = (pos: SourcePos) => `${pos.file}:${pos.line}`;

/**
 * Problems when the page's slides (their file:line, in order) are not the
 * model's. A slide printed once per fragment step (`--fragments`) counts once.
 */
export function slideListProblems(deck: Counted, listed: string[]): Problem[] {
  const inPage = [...new Set(listed)];
  const expected = deck.slides.map((s) => key(s.pos));
  const present = new Set(inPage);
  const missing = deck.slides.findIndex((s) => !present.has(key(s.pos)));
  if (missing >= 0) {
    const lost = deck.slides.filter((s) => !present.has(key(s.pos))).length;
    const before = deck.slides[missing - 1];
    const cause = before ? `: something on the slide before it (${key(before.pos)}) swallowed it — raw HTML left open, or a script?` : '';
    return [
      {
        pos: deck.slides[missing].pos,
        level: 'error',
        message: `this slide is missing from the page (${inPage.length} of ${expected.length} slides there, ${lost} lost)${cause}`,
      },
    ];
  }
  const known = new Set(expected);
  const stranger = inPage.find((k) => !known.has(k));
  if (inPage.length !== expected.length || stranger) {
    const suspects = scriptSlides(deck);
    const at = suspects[0]?.pos ?? deck.slides[0]?.pos ?? { file: 'deck', line: 0 };
    return [
      {
        pos: at,
        level: 'error',
        message: `the page holds ${inPage.length} slides, the deck ${expected.length}${suspects.length ? ': a <script> here may have added slides' : ''}`,
      },
    ];
  }
  return [];
}

/** Slides whose own HTML runs a script: what can change a page after it is built. */
function scriptSlides(deck: Counted): CountedSlide[] {
  return deck.slides.filter((s) => s.html !== undefined && (/<script\b/i.test(s.html) || /\son[a-z]+\s*=/i.test(s.html)));
}

/**
 * The error when a printed file has another number of pages than planned:
 * at the slides that run scripts (one that appends to <body> prints an extra
 * page), else at the deck's first file.
 */
export function pageCountError(deck: Counted, got: number, planned: number, what = 'Chromium printed'): DeckError {
  const suspects = scriptSlides(deck);
  const problems: Problem[] = suspects.length
    ? suspects.map((s) => ({
        pos: s.pos,
        level: 'error',
        message: `${what} ${got} pages for ${planned} slides: this slide runs a script, which may have added to the page (something outside the slides prints as a page of its own)`,
      }))
    : [
        {
          pos: deck.slides[0]?.pos ?? { file: 'deck', line: 0 },
          level: 'error',
          message: `${what} ${got} pages for ${planned} slides (a slide spilled onto a second page, or something outside the slides was printed)`,
        },
      ];
  return new DeckError(problems);
}

/** Throws a DeckError naming the slide when the page's slides are not the model's. */
export function assertSlideList(deck: Counted, inPage: string[]): void {
  const problems = slideListProblems(deck, inPage);
  if (problems.length > 0) throw new DeckError(problems);
}
