// What the cursor is on, from the lines alone: what is being typed (for
// completion) and the name under it (for hover), never an exception.
import { describe, expect, it } from 'vitest';
import { pointedAt, typingAt } from '../../../src/lsp/contextAt.ts';

describe('typingAt', () => {
  const at = (lines: string[], line: number, character = lines[line].length) => typingAt(lines, line, character);

  it('knows a front-matter key being typed, and the keys already there', () => {
    expect(at(['---', 'title: 题', 'su', '---'], 2)).toEqual({
      kind: 'frontMatterKey',
      span: { line: 2, start: 0, end: 2 },
      present: ['title'],
    });
    expect(at(['---', 'title: 题'], 1)).toBeUndefined();
  });

  it('knows a container after the colons, an icon after icon=, a class after {., a picture path after ](', () => {
    expect(at(['  :::: co'], 0)).toEqual({
      kind: 'container',
      span: { line: 0, start: 0, end: 9 },
      colons: '::::',
      indent: '  ',
      gap: ' ',
    });
    expect(at(['- ### 数据 {icon=data'], 0)).toEqual({ kind: 'icon', span: { line: 0, start: 15, end: 19 } });
    expect(at(['## 标题 {#x .de'], 0)).toEqual({ kind: 'class', span: { line: 0, start: 11, end: 13 } });
    expect(at(['![图](images/p'], 0)).toEqual({ kind: 'picture', span: { line: 0, start: 5, end: 13 }, typed: 'images/p' });
    expect(at(['正文'], 0)).toBeUndefined();
  });

  it('takes any half-typed line without throwing', () => {
    for (const line of ['---', ':::', '{', '{.', '![', '![](', 'icon=', '---\n', '\u3000', '']) {
      for (let c = 0; c <= line.length; c++) expect(() => typingAt([line], 0, c)).not.toThrow();
    }
    expect(typingAt([], 5, 3)).toBeUndefined();
  });
});

describe('pointedAt', () => {
  it('names the icon, the key, the container and the picture under the cursor', () => {
    expect(pointedAt(['- ### 数据 {icon=cpu}'], 0, 17)).toEqual({ kind: 'icon', name: 'cpu', span: { line: 0, start: 15, end: 18 } });
    expect(pointedAt(['---', 'duration: 40', '---'], 1, 3)).toEqual({
      kind: 'frontMatterKey',
      name: 'duration',
      span: { line: 1, start: 0, end: 8 },
    });
    expect(pointedAt(['::: cards 2'], 0, 5)).toEqual({ kind: 'container', name: 'cards', span: { line: 0, start: 4, end: 9 } });
    expect(pointedAt(['见 ![图](images/a.png "标题") 文'], 0, 3)).toEqual({
      kind: 'picture',
      src: 'images/a.png',
      span: { line: 0, start: 7, end: 19 },
    });
    expect(pointedAt(['正文'], 0, 1)).toBeUndefined();
  });
});
