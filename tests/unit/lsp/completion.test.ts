// Completion from the parser's lists: every container with a snippet of its
// block (plain text for a client without snippets, indented as typed), every
// Lucide icon, a part's keys only in a part's file, the slide classes.
import { describe, expect, it } from 'vitest';
import { BLOCK_LAYOUTS, SLIDE_LAYOUTS } from '../../../src/markdown/rules/layouts.ts';
import { iconNames } from '../../../src/markdown/icons.ts';
import { completions } from '../../../src/lsp/completion.ts';
import { typingAt } from '../../../src/lsp/contextAt.ts';

const place = { file: '/tmp/deck/02.md', slidesDir: '/tmp/deck', isFirst: false, snippets: true };
const at = (lines: string[], options = place) => completions(typingAt(lines, lines.length - 1, lines[lines.length - 1].length), options);
const text = (item: { textEdit?: unknown }) => (item.textEdit as { newText: string }).newText;

describe('completions', () => {
  it("offers every layout the parser knows, each with its block's snippet", () => {
    const items = at(['::: ']);
    expect(items.map((i) => i.label).sort()).toEqual([...SLIDE_LAYOUTS, ...BLOCK_LAYOUTS].sort());
    expect(text(items.find((i) => i.label === 'note')!)).toBe('::: note\n${1:补充说明}\n:::\n$0');
  });

  it('writes plain text for a client without snippets, keeps the colons and the indent typed', () => {
    const items = at(['  :::: no'], { ...place, snippets: false });
    expect(text(items.find((i) => i.label === 'note')!)).toBe('  :::: note\n  补充说明\n  ::::\n');
  });

  it('offers every Lucide icon after icon=', () => {
    expect(at(['- ### 一 {icon=']).map((i) => i.label)).toEqual([...iconNames()]);
  });

  it("offers a part's keys only in a part's file, and the deck's in the first", () => {
    expect(at(['---', '']).map((i) => i.label)).toEqual(['part', 'marker']);
    expect(at(['---', ''], { ...place, isFirst: true }).map((i) => i.label)).toContain('duration');
  });

  it('offers the slide classes after {.', () => {
    expect(at(['## 标题 {.']).map((i) => i.label)).toEqual(['dense', 'roomy', 'statement', 'title-only', 'fragment']);
  });
});
