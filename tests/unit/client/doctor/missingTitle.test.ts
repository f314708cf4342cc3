// @vitest-environment happy-dom
// The missing-title rule: a slide with no heading to name it by.
import { describe, expect, it } from 'vitest';
import { missingTitle } from '../../../../src/client/doctor/rules/missingTitle.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('missingTitle', () => {
  it('warns on a slide whose only heading is in its notes', () => {
    expect(missingTitle(slide('<p>正文</p><aside class="notes"><h2>备注里的标题</h2></aside>'))).toEqual([
      {
        level: 'warning',
        message: 'slide without a title: give it a heading (## 标题); bookmarks, a screen reader and the tagged PDF name a slide by it',
      },
    ]);
  });
  it('takes a slide with a heading', () => {
    expect(missingTitle(slide('<h3>小标题</h3><p>正文</p>'))).toEqual([]);
  });
});
