// @vitest-environment happy-dom
// The deck-font rule: text that asks first for a family other than the
// bundled one (--deck-font), once a slide per family; the deck's own
// families count only where the page carries them.
import { describe, expect, it } from 'vitest';
import { deckFont, firstFamily } from '../../../../src/client/doctor/rules/deckFont.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

const DECK = `style="--deck-font: 'IUR Noto Sans SC', sans-serif; font-family: var(--deck-font)"`;

describe('firstFamily', () => {
  it('is the first family of a list, unquoted', () => {
    expect(firstFamily(`"IUR Noto Sans SC", sans-serif`)).toBe('IUR Noto Sans SC');
    expect(firstFamily('Courier New, monospace')).toBe('Courier New');
  });
});

describe('deckFont', () => {
  it('names text set in another family first, once per family, at its line', () => {
    const ctx = slide(
      '<p data-line="6">正文</p><p data-line="7" style="font-family: \'Courier New\', monospace">代码一</p><p style="font-family: \'Courier New\'">代码二</p>',
      { attributes: DECK },
    );
    expect(deckFont(ctx)).toEqual([
      {
        level: 'error',
        message: `<p> «代码一» is set in Courier New, not the bundled font IUR Noto Sans SC: the venue PC may not have it (use var(--deck-font))`,
        line: 7,
      },
    ]);
  });
  it('goes past a family of the deck’s own that the page does not carry, as the browser does', () => {
    const ctx = slide(
      '<p data-line="6"><code style="font-family: \'IUR JetBrains Mono\', \'IUR Noto Sans SC\', monospace">代码</code></p>' +
        '<p data-line="7" style="font-family: \'IUR JetBrains Mono\', \'Courier New\'">代码二</p>',
      { attributes: DECK },
    );
    expect(deckFont(ctx)).toEqual([
      {
        level: 'error',
        message: `<p> «代码二» is set in Courier New, not the bundled font IUR Noto Sans SC: the venue PC may not have it (use var(--deck-font))`,
        line: 7,
      },
    ]);
  });
  it('says nothing where the deck names no font', () => {
    expect(deckFont(slide('<p style="font-family: serif">字</p>'))).toEqual([]);
  });
});
