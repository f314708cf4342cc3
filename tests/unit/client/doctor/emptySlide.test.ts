// @vitest-environment happy-dom
// The empty-slide rule: no text the audience sees and nothing drawn.
import { describe, expect, it } from 'vitest';
import { emptySlide } from '../../../../src/client/doctor/rules/emptySlide.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('emptySlide', () => {
  it('warns on a slide with only notes', () => {
    expect(emptySlide(slide('<aside class="notes"><p>只在备注里</p></aside>'))).toEqual([{ level: 'warning', message: 'empty slide' }]);
  });
  it('takes a slide with text, or with only a picture', () => {
    expect(emptySlide(slide('<p>有字</p>'))).toEqual([]);
    expect(emptySlide(slide('<img src="a.png" alt="图">'))).toEqual([]);
  });
});
