// Phrase breaks fall between words: BudouX's model cuts some words (万|一,
// 以防万|一, 创|新, 案|例), and each such boundary moves back to the start of
// the word (ICU's dictionary segmentation, Intl.Segmenter). Boundaries at word
// edges are kept as BudouX found them; text without Chinese is left whole.
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../../src/markdown/createMarkdown.ts';
import { addPhrases, knownPhrases, phrases } from '../../../../src/markdown/rules/phraseBreaks.ts';

describe('phrases', () => {
  it.each([
    ['数据每天备份万一出错', '数据|每天|备份|万一|出|错'],
    ['以防万一，数据每天备份', '以防万一，|数据|每天|备份'],
    ['新用户万一忘了密码', '新|用户|万一|忘了|密码'],
    ['提高科技创新效率', '提高|科技|创新|效率'],
    ['案例：国家新能源汽车技术创新中心', '案例：|国家|新|能源|汽车|技术|创新|中心'],
  ])('%s → %s (never inside a word)', (text, expected) => {
    expect(phrases(text).join('|')).toBe(expected);
    expect(phrases(text).join('')).toBe(text);
  });

  it('keeps the phrases that already end at words', () => {
    expect(phrases('开源社区与用户社区').join('|')).toBe('开源|社区|与|用户|社区');
    expect(phrases('投入一万一千元').join('|')).toBe('投入|一万|一千元');
    expect(phrases('Sematech 2021')).toEqual(['Sematech 2021']);
  });

  it('a card’s text has no <wbr> inside 万一', () => {
    const md = createMarkdown();
    const html = md.render('::: cards\n- ### 备份\n  数据每天备份万一出错\n- ### 同事\n  请各位同事万一遇到问题\n:::\n', {
      file: 'x.md',
      problems: [],
    });
    expect(html).toContain('备份<wbr>万一<wbr>出');
    expect(html).not.toContain('万<wbr>一');
  });
});

describe('phrases kept from an earlier run (src/markdown/phraseCache.ts)', () => {
  it('are used as they were found, and a parse adds what it finds', () => {
    addPhrases([['这是一段事先记下的标题', ['这是', '一段', '事先记下的', '标题']]]);
    expect(phrases('这是一段事先记下的标题').join('|')).toBe('这是|一段|事先记下的|标题');
    const before = knownPhrases().parsed;
    phrases('产学研合作的热点与思考');
    expect(knownPhrases().parsed).toBe(before + 1);
    expect(knownPhrases().entries.map(([text]) => text)).toContain('产学研合作的热点与思考');
  });

  it('are refused when they do not put their text back together, or are not texts', () => {
    addPhrases([['被改动过的记录', ['被改动', '过的']], ['不是数组的记录', '不是|数组'], [42, ['4', '2']], 'not an entry']);
    addPhrases({ not: 'a list' });
    const texts = knownPhrases().entries.map(([text]) => text);
    expect(texts).not.toContain('被改动过的记录');
    expect(texts).not.toContain('不是数组的记录');
    expect(phrases('被改动过的记录').join('')).toBe('被改动过的记录');
  });
});
