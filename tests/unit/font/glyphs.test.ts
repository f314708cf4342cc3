// Unit tests of the glyph check on code and formulas: a formula is KaTeX's to
// draw (its zero-width struts and symbols are not the Chinese font's), code
// is checked against the code font and the Chinese font together, and what
// neither has is still named.
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/deck/loadDeck.ts';
import { missingGlyphs, withoutElements } from '../../../src/font/glyphs.ts';

describe('glyphs of code and formulas', () => {
  it('takes out a formula, nested elements and all', () => {
    const html = '<p>甲 <span class="math math-inline"><span class="katex"><span>∑</span></span></span> 乙</p>';
    expect(withoutElements(html, /<(?:span|div) class="math\b[^"]*"[^>]*>/)).toBe('<p>甲   乙</p>');
  });

  it('finds nothing missing in the code fixture, and names an emoji in code', async () => {
    const { deck } = await loadDeck('tests/fixtures/code');
    expect(missingGlyphs(deck)).toEqual([]);
    const slide = { ...deck.slides[1], html: deck.slides[1].html.replace('interface', 'interface 🙂') };
    expect(missingGlyphs({ slides: [slide] }).map((p) => p.message)).toEqual([
      'the bundled font has no glyph for «🙂» U+1F642: it would show in a system font or as a box',
    ]);
  });
});
