// @vitest-environment happy-dom
// The punctuation rule: ASCII marks between Chinese characters, with the fix,
// at most three a slide.
import { describe, expect, it } from 'vitest';
import { punctuation } from '../../../../src/client/doctor/rules/punctuation.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('punctuation', () => {
  it('warns at the block, at most three times a slide', () => {
    const ctx = slide('<p data-line="6">甲,乙;丙:丁!戊</p>');
    const found = punctuation(ctx);
    expect(found).toHaveLength(3);
    expect(found[0]).toEqual({
      level: 'warning',
      message: 'ASCII punctuation between Chinese characters: «甲,乙;丙:丁!» → «甲，乙;丙:丁!»',
      line: 6,
    });
  });
});
