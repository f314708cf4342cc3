// @vitest-environment happy-dom
// The heading-only rule: a heading and nothing else, unless marked so.
import { describe, expect, it } from 'vitest';
import { headingOnly } from '../../../../src/client/doctor/rules/headingOnly.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('headingOnly', () => {
  it('warns on a slide that holds only its heading, at the heading', () => {
    expect(headingOnly(slide('<h2 data-line="6">只有标题</h2><aside class="notes">备注</aside>'))).toEqual([
      {
        level: 'warning',
        message:
          'this slide has a heading and nothing else: add its content, make it a divider (::: divider), or mark the heading {.title-only}',
        line: 6,
      },
    ]);
  });
  it('takes a heading marked {.title-only}, a statement, a layout, or a heading with content', () => {
    expect(headingOnly(slide('<h2 class="title-only">标题</h2>'))).toEqual([]);
    expect(headingOnly(slide('<h2>标题</h2>', { attributes: 'class="statement"' }))).toEqual([]);
    expect(headingOnly(slide('<h2>标题</h2>', { attributes: 'class="layout-divider"' }))).toEqual([]);
    expect(headingOnly(slide('<h2>标题</h2><p>内容</p>'))).toEqual([]);
  });
});
