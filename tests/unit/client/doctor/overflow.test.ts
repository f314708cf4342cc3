// @vitest-environment happy-dom
// The overflow rule: how far a box sticks out of the slide and on which side
// (pure), and which elements the rule names, once each, at their own line.
import { describe, expect, it } from 'vitest';
import { overflow, stickingOut } from '../../../../src/client/doctor/rules/overflow.ts';
import { placeAt, slide } from '../../../helpers/doctorSlide.ts';

const SLIDE = { left: 0, top: 0, right: 1280, bottom: 720 };

describe('stickingOut', () => {
  it('says the side it sticks out most on, in slide pixels', () => {
    expect(stickingOut({ left: 100, top: 600, right: 900, bottom: 850 }, SLIDE, 1)).toEqual({ px: 130, where: 'below' });
    expect(stickingOut({ left: -40, top: 0, right: 100, bottom: 10 }, SLIDE, 2)).toEqual({ px: 20, where: 'left of' });
  });
  it('allows a pixel of rounding', () => {
    expect(stickingOut({ left: 0, top: 0, right: 1281, bottom: 720 }, SLIDE, 1)).toBeUndefined();
  });
});

describe('overflow', () => {
  it('names the outermost element that sticks out, at its line, and not its children', () => {
    const ctx = slide('<ul data-line="7"><li data-line="8">一</li><li data-line="9">二</li></ul><p data-line="11">好</p>');
    const [ul, li1, li2] = Array.from(ctx.section.querySelectorAll('ul, li'));
    placeAt(ul, { left: 100, top: 500, right: 900, bottom: 800 });
    placeAt(li1, { left: 100, top: 700, right: 900, bottom: 750 });
    placeAt(li2, { left: 100, top: 750, right: 900, bottom: 800 });
    placeAt(ctx.section.querySelector('p') as Element, { left: 100, top: 100, right: 900, bottom: 150 });
    expect(overflow(ctx)).toEqual([
      { level: 'error', message: 'overflow: <ul> «一二» sticks out 80 px below the 1280×720 slide', line: 7 },
    ]);
  });
  it('finds nothing on a slide that fits', () => {
    const ctx = slide('<p data-line="6">短</p>');
    placeAt(ctx.section.querySelector('p') as Element, { left: 10, top: 10, right: 200, bottom: 60 });
    expect(overflow(ctx)).toEqual([]);
  });
});
