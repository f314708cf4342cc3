// @vitest-environment happy-dom
// The cut-off rule: content larger than a box whose overflow is hidden.
import { describe, expect, it } from 'vitest';
import { clipped, cutOff } from '../../../../src/client/doctor/rules/clipped.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

const sizes = (scrollWidth: number, scrollHeight: number, clientWidth: number, clientHeight: number) => ({
  scrollWidth,
  scrollHeight,
  clientWidth,
  clientHeight,
});

describe('cutOff', () => {
  it('is content larger than its box beyond 2 px', () => {
    expect(cutOff(sizes(400, 300, 400, 200))).toBe(true);
    expect(cutOff(sizes(402, 202, 400, 200))).toBe(false);
  });
});

describe('clipped', () => {
  it('names a hidden-overflow box whose content does not fit, with both sizes, at its line', () => {
    const ctx = slide('<div class="box" style="overflow: hidden" data-line="8">很多字</div><div style="overflow: visible">也多</div>');
    for (const el of Array.from(ctx.section.querySelectorAll('div'))) {
      Object.defineProperties(el, {
        scrollWidth: { value: 300 },
        scrollHeight: { value: 400 },
        clientWidth: { value: 300 },
        clientHeight: { value: 100 },
      });
    }
    expect(clipped(ctx)).toEqual([
      { level: 'error', message: 'overflow: <div.box> «很多字» is cut off (content 300×400 px in a 300×100 px box)', line: 8 },
    ]);
  });
});
