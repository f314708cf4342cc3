// @vitest-environment happy-dom
// The links rule: a link to a slide, or an anchor, that is not there.
import { describe, expect, it } from 'vitest';
import { links } from '../../../../src/client/doctor/rules/links.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('links', () => {
  it('names links to a slide or an anchor that does not exist, at their line', () => {
    const ctx = slide(
      '<p data-line="6"><a href="#/1">有</a> <a href="#/1/2">没有</a> <a href="#/99">也没有</a></p><p data-line="8"><a href="#nowhere">锚</a></p>',
      { slides: { 0: 1, 1: 2 } },
    );
    expect(links(ctx)).toEqual([
      { level: 'error', message: 'link to a slide that does not exist: #/1/2', line: 6 },
      { level: 'error', message: 'link to a slide that does not exist: #/99', line: 6 },
      { level: 'error', message: 'link to an anchor that does not exist: #nowhere', line: 8 },
    ]);
  });
  it('takes an anchor that is there', () => {
    expect(links(slide('<h2 id="here">标题</h2><p><a href="#here">到标题</a></p>'))).toEqual([]);
  });
});
