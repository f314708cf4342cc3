// @vitest-environment happy-dom
// The Markdown-left rule: Markdown that did not become formatting, said with
// an excerpt of its own block.
import { describe, expect, it } from 'vitest';
import { markdownLeft } from '../../../../src/client/doctor/rules/markdownLeft.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('markdownLeft', () => {
  it('names ** left in a block, the excerpt from that block alone', () => {
    const ctx = slide('<p data-line="6">前面</p><p data-line="8">**没有变粗** 的字</p>');
    expect(markdownLeft(ctx)).toEqual([{ level: 'error', message: "Markdown left in the slide's text: «**没有变粗** 的»", line: 8 }]);
  });
  it('judges text outside any block on the slide as a whole', () => {
    expect(markdownLeft(slide('<div>see [the link](http://x)</div>'))).toEqual([
      { level: 'error', message: "Markdown left in the slide's text: «the link](http://x»" },
    ]);
  });
  it('leaves bold text and the notes alone', () => {
    expect(markdownLeft(slide('<p><strong>粗</strong></p><aside class="notes"><p>**备注**</p></aside>'))).toEqual([]);
  });
});
