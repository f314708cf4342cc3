// The text checks the page's doctor and the language server share: each
// finding's place in the text (what a quick fix replaces), its fix, and the
// message both sides say.
import { describe, expect, it } from 'vitest';
import {
  asciiPunctuation,
  chineseSpaceMessage,
  chineseSpaces,
  controlCharacterMessage,
  controlCharacters,
  isChineseTextMessage,
  punctuationMessage,
} from '../../../src/shared/textChecks.ts';

describe('asciiPunctuation', () => {
  it('places the mark with its spaces, gives its full-width form, and both in context', () => {
    const text = '1900年, 美国成立';
    const [f] = asciiPunctuation(text);
    expect(f).toEqual({ index: 5, length: 2, replacement: '，', found: '1900年, 美国成立', fixed: '1900年，美国成立' });
    expect(text.slice(f.index, f.index + f.length)).toBe(', ');
    expect(punctuationMessage(f)).toBe('ASCII punctuation between Chinese characters: «1900年, 美国成立» → «1900年，美国成立»');
  });
  it('finds each of several marks in a row, and none among Latin letters', () => {
    expect(asciiPunctuation('甲,乙;丙').map((f) => [f.index, f.replacement])).toEqual([
      [1, '，'],
      [3, '；'],
    ]);
    expect(asciiPunctuation('Sematech, USA')).toEqual([]);
  });
});

describe('chineseSpaces', () => {
  it('places each run of spaces between Chinese characters, not a full-width space', () => {
    const found = chineseSpaces('新用户 测试员  甲');
    expect(found.map((f) => [f.index, f.length])).toEqual([
      [3, 1],
      [7, 2],
    ]);
    expect(chineseSpaceMessage(found[0])).toMatch(/^space between two Chinese characters: «新用户 测试员 甲» \(delete it/);
    expect(chineseSpaces('于良\u3000研究员 and Sematech 联盟')).toEqual([]);
  });
});

describe('controlCharacters', () => {
  it('places each control character of a line with its code point', () => {
    expect(controlCharacters('a\x0Bb\x01')).toEqual([
      { index: 1, length: 1, code: 'U+000B' },
      { index: 3, length: 1, code: 'U+0001' },
    ]);
    expect(controlCharacters('tab\tis fine')).toEqual([]);
    expect(controlCharacterMessage(controlCharacters('\x0B')[0])).toMatch(/^control character U\+000B in the text \(a vertical tab/);
  });
});

describe('isChineseTextMessage', () => {
  it('knows the two Chinese-text messages and nothing else', () => {
    expect(isChineseTextMessage(punctuationMessage(asciiPunctuation('甲,乙')[0]))).toBe(true);
    expect(isChineseTextMessage(chineseSpaceMessage(chineseSpaces('甲 乙')[0]))).toBe(true);
    expect(isChineseTextMessage('overflow: <ul> sticks out')).toBe(false);
  });
});
