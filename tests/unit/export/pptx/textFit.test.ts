// The shrink written into each text body: none when the widest fallback font
// fits, the largest scale that fits otherwise, line spacing reduced only past
// the smallest scale; and how it is written as <a:normAutofit>.
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../../../src/shared/slideData.ts';
import { fitText, normAutofit } from '../../../../src/export/pptx/textFit.ts';

const paragraph = (text: string, size = 20): Paragraph => ({
  runs: [{ text, size, bold: false, italic: false, underline: false, colour: { hex: '000000', alpha: 1 } }],
  align: 'left',
  lineHeight: size * 1.5,
  spaceBefore: 0,
  indent: 0,
  bulletAt: 0,
  level: 0,
});

describe('fitText', () => {
  it('leaves a body that fits in every fallback font at 100 %', () => {
    expect(fitText([paragraph('一二三四五')], 100, 30)).toEqual({ fontScale: 1, lnSpcReduction: 0 });
  });

  it('scales a body down until its lines fit, to the largest such step', () => {
    // Six characters in 100 px: two lines at 100 %, one from 5/6 down.
    const fit = fitText([paragraph('一二三四五六')], 100, 30);
    expect(fit.lnSpcReduction).toBe(0);
    expect(fit.fontScale).toBeLessThanOrEqual(100 / 120);
    expect(fit.fontScale).toBeGreaterThan(100 / 120 - 0.025);
  });

  it('sizes for the widest font: Latin that fits in Liberation Sans but not in DejaVu Sans shrinks', () => {
    expect(fitText([paragraph('Open Innovation Roadmap')], 240, 30).fontScale).toBeLessThan(1);
  });

  it('reduces line spacing only when the smallest scale is not enough', () => {
    const many = Array.from({ length: 12 }, () => paragraph('一二三'));
    // Twelve lines of 30 px in 300 px: 60 % scale keeps them twelve lines; 20 % less spacing fits.
    expect(fitText(many, 100, 300)).toEqual({ fontScale: 0.6, lnSpcReduction: 0.2 });
  });
});

describe('normAutofit', () => {
  it('writes scale and reduction in thousandths of a percent, a bare element at 100 %', () => {
    expect(normAutofit({ fontScale: 1, lnSpcReduction: 0 })).toBe('<a:normAutofit/>');
    expect(normAutofit({ fontScale: 0.85, lnSpcReduction: 0 })).toBe('<a:normAutofit fontScale="85000"/>');
    expect(normAutofit({ fontScale: 0.6, lnSpcReduction: 0.1 })).toBe('<a:normAutofit fontScale="60000" lnSpcReduction="10000"/>');
  });
});
