// Handout captions: a slide's number and title; a title page filled from the
// front matter (no heading of its own) is captioned with the deck's title, not "1".
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../../src/markdown/createMarkdown.ts';
import { parseDeck } from '../../../../src/deck/parseDeck.ts';
import { captionOf } from '../../../../src/export/handout/handoutFrame.ts';

const md = createMarkdown();

describe('handout captions', () => {
  it("names a title page filled from the front matter by the deck's title", () => {
    const text = '---\ntitle: 我的报告\nauthor: 张三\n---\n\n::: title\n:::\n\n---\n\n## 第二页\n\n正文\n\n---\n\n正文没有标题\n';
    const { deck } = parseDeck([{ file: 'a.md', text }], md);
    expect(captionOf(deck, 0)).toBe('1　我的报告');
    expect(captionOf(deck, 1)).toBe('2　第二页');
    expect(captionOf(deck, 2)).toBe('3');
  });
});
