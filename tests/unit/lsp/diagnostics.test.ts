// Problems as diagnostics: each narrowed to what its message names on its
// line, else the line's text; the doctor's Chinese-text findings and repeats
// of a parse finding left out of the layout ones.
import { describe, expect, it } from 'vitest';
import { layoutDiagnostics, problemDiagnostic, rangeOf } from '../../../src/lsp/diagnostics.ts';

const span = (message: string, text: string) => {
  const r = rangeOf(message, 3, text);
  return [r.start.character, r.end.character, text.slice(r.start.character, r.end.character)];
};

describe('rangeOf', () => {
  it('marks the name a message quotes, a control character by its code point, else the text of the line', () => {
    expect(span('unknown icon "databse" (did you mean database?)', '- ### 数据 {icon=databse}')).toEqual([15, 22, 'databse']);
    expect(span('control character U+000B in the text', 'Word\x0B换行')).toEqual([4, 5, '\x0B']);
    expect(span('overflow: <ul> «第一行内容 第二行…» sticks out', '- 第一行内容')).toEqual([2, 7, '第一行内容']);
    expect(span('image not found: x.png', '  ![图](x.png)  ')).toEqual([2, 13, '![图](x.png)']);
    expect(span('the deck has no slides', '')).toEqual([0, 0, '']);
  });
});

describe('problemDiagnostic', () => {
  it('is an error or a warning at the 0-based line, from iur-deck', () => {
    const d = problemDiagnostic({ pos: { file: 'a.md', line: 2 }, level: 'warning', message: 'x' }, ['one', 'two']);
    expect(d).toMatchObject({
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
      severity: 2,
      source: 'iur-deck',
    });
  });
});

describe('layoutDiagnostics', () => {
  it('leaves out the Chinese-text findings and what a parse finding already says at that line', () => {
    const at = (line: number, message: string) => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, message });
    const layout = [
      at(1, 'overflow: <ul> sticks out'),
      at(2, 'ASCII punctuation between Chinese characters: «甲, 乙» → «甲，乙»'),
      at(3, 'space between two Chinese characters: «甲 乙» (delete it)'),
      at(4, 'Mermaid diagram does not parse: x'),
      at(5, 'Mermaid diagram does not parse: x'),
    ];
    expect(layoutDiagnostics(layout, [at(4, 'Mermaid diagram does not parse: x')]).map((d) => d.range.start.line)).toEqual([1, 5]);
  });
});
