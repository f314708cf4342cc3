// Which slides `--watch` may change in place: only those whose content
// changed, only while the deck keeps its shape, never with notes pages or
// fragment steps; a slide that only moved in its file gets its attributes.
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../../src/deck/loadDeck.ts';
import type { Deck } from '../../../../src/deck/model.ts';
import { slidePatches } from '../../../../src/export/pipeline/slidePatches.ts';

const copy = (deck: Deck): Deck => structuredClone(deck);
const plain = { notes: false, fragments: false };

describe('slidePatches', async () => {
  const { deck } = await loadDeck('tests/fixtures/basic');

  it('names the slides whose content changed, and those that only moved', () => {
    const next = copy(deck);
    next.slides[2].html += '<p>改了一句</p>\n';
    next.slides[3].pos.line += 2;
    next.slides[3].endLine += 2;
    expect(slidePatches(deck, next, plain)).toEqual([
      { index: 2, attributesOnly: false },
      { index: 3, attributesOnly: true },
    ]);
    expect(slidePatches(deck, copy(deck), plain)).toEqual([]);
  });

  it('gives up when the shape changed or pages mix slides', () => {
    const fewer = copy(deck);
    fewer.slides.pop();
    expect(slidePatches(deck, fewer, plain)).toBeNull();
    const retitled = copy(deck);
    retitled.meta.short = '别的';
    expect(slidePatches(deck, retitled, plain)).toBeNull();
    const moved = copy(deck);
    moved.slides[4].part = 0;
    expect(slidePatches(deck, moved, plain)).toBeNull();
    expect(slidePatches(deck, copy(deck), { notes: true, fragments: false })).toBeNull();
    expect(slidePatches(deck, copy(deck), { notes: false, fragments: true })).toBeNull();
  });
});
