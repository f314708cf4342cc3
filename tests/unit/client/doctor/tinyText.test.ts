// @vitest-environment happy-dom
// The tiny-text rule: text under 24 px, decorative parts aside.
import { describe, expect, it } from 'vitest';
import { MIN_BODY_PX, tinyText } from '../../../../src/client/doctor/rules/tinyText.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('tinyText', () => {
  it('names text under the minimum at its line, not the footer, notes or page number', () => {
    const ctx = slide(
      '<p data-line="7" style="font-size: 12px">这行字太小了</p><p data-line="8" style="font-size: 28px">够大</p>' +
        '<footer class="slide-footer" style="font-size: 12px">页脚</footer><aside class="notes" style="font-size: 10px">备注</aside>',
    );
    expect(tinyText(ctx)).toEqual([
      { level: 'error', message: `text too small: <p> «这行字太小了» is 12.0 px (minimum ${MIN_BODY_PX} px)`, line: 7 },
    ]);
  });
  it('takes 24 px and more', () => {
    expect(tinyText(slide('<h2 style="font-size: 24px">标题</h2>'))).toEqual([]);
  });
});
