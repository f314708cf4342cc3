// Line counts in a receiver's fallback font: Chinese breaks anywhere but
// before a closing mark, Latin words stay whole, and LibreOffice's room
// between Chinese and Latin letters is counted.
import { describe, expect, it } from 'vitest';
import { CJK_LATIN_GAP, lineCount, type StyledRun } from '../../../../src/export/pptx/lineBreaks.ts';

const run = (text: string, size = 20, bold = false): StyledRun => ({ text, size, bold });

describe('lineCount', () => {
  it('an empty paragraph takes one line', () => {
    expect(lineCount([run('')], 100, 'DejaVu Sans')).toBe(1);
  });

  it('Chinese fills each line with whole 1 em characters', () => {
    // Ten characters of 20 px: 200 px; 100 px hold five.
    expect(lineCount([run('一二三四五六七八九十')], 100, 'DejaVu Sans')).toBe(2);
    expect(lineCount([run('一二三四五六七八九十')], 99, 'DejaVu Sans')).toBe(3);
    expect(lineCount([run('一二三四五六七八九十')], 200, 'DejaVu Sans')).toBe(1);
  });

  it('a closing mark stays with the character before it', () => {
    // Five characters fit; the sixth is a comma, so the fifth goes down with it.
    expect(lineCount([run('一二三四五，六')], 100, 'DejaVu Sans')).toBe(2);
    expect(lineCount([run('一二三四，五六七八九')], 100, 'DejaVu Sans')).toBe(2);
  });

  it('breaks at spaces between Latin words, never inside a word that fits a line', () => {
    const words = [run('aaaa aaaa')];
    // "aaaa" is 4 × 0.613 em × 20 px ≈ 49 px in DejaVu Sans.
    expect(lineCount(words, 60, 'DejaVu Sans')).toBe(2);
    expect(lineCount(words, 120, 'DejaVu Sans')).toBe(1);
  });

  it('a wider font wraps where a narrower one does not', () => {
    const text = [run('Open Innovation Roadmap')];
    const width = 240;
    expect(lineCount(text, width, 'Liberation Sans')).toBe(1);
    expect(lineCount(text, width, 'DejaVu Sans')).toBe(2);
  });

  it('counts the room between Chinese and Latin letters', () => {
    // 一 + "a" + 二 at 100 px: 100 + 61.3 + 100, and two gaps of a quarter em.
    const plain = 100 + 61.3 + 100;
    expect(lineCount([run('一a二', 100)], plain + 1, 'DejaVu Sans')).toBe(2);
    expect(lineCount([run('一a二', 100)], plain + 2 * CJK_LATIN_GAP * 100 + 1, 'DejaVu Sans')).toBe(1);
  });

  it('a line break starts a new line; a scale makes the text narrower', () => {
    expect(lineCount([run('一二'), { ...run('三四'), breakBefore: true }], 1000, 'DejaVu Sans')).toBe(2);
    expect(lineCount([run('一二三四五六')], 100, 'DejaVu Sans')).toBe(2);
    expect(lineCount([run('一二三四五六')], 100, 'DejaVu Sans', 0.8)).toBe(1);
  });

  it('a word longer than a line is broken inside it', () => {
    expect(lineCount([run('a'.repeat(20))], 50, 'DejaVu Sans')).toBe(5);
  });
});
