// The Chinese-text checks on a file's parse, each finding traced back to its
// characters in the source: through inline markup, across a line break (which
// a fix leaves alone), in table cells, and in the front matter's values.
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../src/markdown/createMarkdown.ts';
import { textFindings } from '../../../src/lsp/textFindings.ts';

const md = createMarkdown();
const found = (source: string) => {
  const lines = source.split('\n');
  return textFindings(source, md.parse(source, { file: 'x.md', problems: [] })).map((f) => ({
    code: f.code,
    at: `${f.start.line}:${f.start.character}-${f.end.line}:${f.end.character}`,
    text: lines[f.start.line].slice(f.start.character, f.end.line === f.start.line ? f.end.character : undefined),
    fixes: f.fixes.map((x) => x.newText),
  }));
};

describe('textFindings', () => {
  it('marks the ASCII mark with its spaces, inside markup too, with the full-width fix', () => {
    expect(found('## 标题, 一 {.dense}\n\n**产学研**, 合作\n')).toEqual([
      { code: 'punctuation', at: '0:5-0:7', text: ', ', fixes: ['，'] },
      { code: 'punctuation', at: '2:7-2:9', text: ', ', fixes: ['，'] },
    ]);
  });

  it('leaves the line break after a mark at the end of a line', () => {
    expect(found('第一行,\n第二行\n')).toEqual([{ code: 'punctuation', at: '0:3-0:4', text: ',', fixes: ['，'] }]);
  });

  it('marks a space between Chinese characters with its two fixes, in a table cell and the front matter', () => {
    expect(found('---\nauthor: 于良 研究员\n---\n\n| 表头 | 列 |\n|---|---|\n| 甲 乙 | 甲 乙 |\n')).toEqual([
      { code: 'chinese-space', at: '1:10-1:11', text: ' ', fixes: ['', '\u3000'] },
      { code: 'chinese-space', at: '6:3-6:4', text: ' ', fixes: ['', '\u3000'] },
      { code: 'chinese-space', at: '6:9-6:10', text: ' ', fixes: ['', '\u3000'] },
    ]);
  });

  it('finds nothing in Latin text, code blocks or a full-width space', () => {
    expect(found('Sematech, USA\n\n```\n中文, 中文\n```\n\n于良\u3000研究员\n')).toEqual([]);
  });
});
