// The slide-count invariant's messages (src/deck/slideCount.ts): a lost slide
// is named with the one before it; a slide printed once per fragment step
// counts once; extra pages are blamed on the slides that run scripts.
import { describe, expect, it } from 'vitest';
import { pageCountError, slideListProblems } from '../../../src/deck/slideCount.ts';
import { formatProblem } from '../../../src/shared/problem.ts';

const deck = {
  slides: [
    { pos: { file: 'slides/a.md', line: 1 }, html: '<h1>One</h1>' },
    { pos: { file: 'slides/a.md', line: 9 }, html: '<script>x()</script>' },
    { pos: { file: 'slides/b.md', line: 1 }, html: '<p>three</p>' },
  ],
};

describe('slideListProblems', () => {
  it("is quiet when the page holds the deck's slides, fragment copies included", () => {
    expect(slideListProblems(deck, ['slides/a.md:1', 'slides/a.md:9', 'slides/a.md:9', 'slides/b.md:1'])).toEqual([]);
  });

  it('names the first lost slide and the slide before it', () => {
    expect(slideListProblems(deck, ['slides/a.md:1', 'slides/a.md:9']).map(formatProblem)).toEqual([
      'slides/b.md:1: error: this slide is missing from the page (2 of 3 slides there, 1 lost): something on the slide before it (slides/a.md:9) swallowed it — raw HTML left open, or a script?',
    ]);
  });

  it('blames a stranger slide on the slide that runs a script', () => {
    expect(slideListProblems(deck, ['slides/a.md:1', 'slides/a.md:9', 'slides/b.md:1', 'elsewhere:1']).map(formatProblem)).toEqual([
      'slides/a.md:9: error: the page holds 4 slides, the deck 3: a <script> here may have added slides',
    ]);
  });
});

describe('pageCountError', () => {
  it('names the slides that run scripts', () => {
    expect(pageCountError(deck, 4, 3).problems.map(formatProblem)).toEqual([
      'slides/a.md:9: error: Chromium printed 4 pages for 3 slides: this slide runs a script, which may have added to the page (something outside the slides prints as a page of its own)',
    ]);
  });
  it("without scripts, names the deck's first slide", () => {
    expect(pageCountError({ slides: [deck.slides[0]] }, 2, 1).problems[0].pos).toEqual({ file: 'slides/a.md', line: 1 });
  });
});
