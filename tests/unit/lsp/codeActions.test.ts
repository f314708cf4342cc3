// Quick fixes from the text of the lines asked about: the closest icon names,
// an alt-text placeholder, and the fixes the text findings carry; a cursor's
// empty range stands for its line.
import { describe, expect, it } from 'vitest';
import { ALT_PLACEHOLDER, codeActions } from '../../../src/lsp/codeActions.ts';
import type { TextFinding } from '../../../src/lsp/textFindings.ts';

const line = (n: number, a = 0, b = a) => ({ start: { line: n, character: a }, end: { line: n, character: b } });
const edits = (actions: ReturnType<typeof codeActions>) =>
  actions.map((a) => [
    a.title,
    a.edit?.changes?.['file:///x.md']?.[0].newText,
    a.edit?.changes?.['file:///x.md']?.[0].range.start.character,
  ]);

describe('codeActions', () => {
  it('offers the three closest icons for one the set lacks, the first preferred, and none for a known icon', () => {
    const lines = ['- ### 数据 {icon=databse}', '- ### 芯片 {icon=cpu}'];
    const actions = codeActions('file:///x.md', lines, { start: line(0).start, end: line(1).end }, [], []);
    expect(edits(actions)).toEqual([
      ['Use the icon database', 'database', 15],
      ['Use the icon database-x', 'database-x', 15],
      ['Use the icon table', 'table', 15],
    ]);
    expect(actions[0].isPreferred).toBe(true);
  });

  it('puts an alt-text placeholder into a picture without one', () => {
    expect(edits(codeActions('file:///x.md', ['看 ![](a.png) 和 ![说明](b.png)'], line(0), [], []))).toEqual([
      ['Add alt text (a placeholder to replace)', `[${ALT_PLACEHOLDER}]`, 3],
    ]);
  });

  it("gives a text finding's fixes on its line, tied to its diagnostic", () => {
    const finding: TextFinding = {
      start: { line: 0, character: 2 },
      end: { line: 0, character: 3 },
      code: 'chinese-space',
      message: 'space',
      fixes: [
        { title: 'Delete the space', newText: '' },
        { title: 'Write a full-width space (U+3000)', newText: '\u3000' },
      ],
    };
    const diagnostic = { range: { start: finding.start, end: finding.end }, message: 'space' };
    const actions = codeActions('file:///x.md', ['标点 符号'], line(0), [finding], [diagnostic]);
    expect(edits(actions)).toEqual([
      ['Delete the space', '', 2],
      ['Write a full-width space (U+3000)', '\u3000', 2],
    ]);
    expect(actions[0].diagnostics).toEqual([diagnostic]);
    expect(codeActions('file:///x.md', ['标点 符号', ''], line(1), [finding], [])).toEqual([]);
  });
});
