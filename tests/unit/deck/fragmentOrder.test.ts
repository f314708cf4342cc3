// Unit tests of a slide's fragment order when it has code steps: every
// fragment numbered in the order of the Markdown, a block's steps taking as
// many in a row as it has; slides without steps untouched.
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../src/markdown/createMarkdown.ts';
import { parseDeck } from '../../../src/deck/parseDeck.ts';

const md = createMarkdown();
const html = (text: string) => parseDeck([{ file: 'a.md', text }], md).deck.slides[0];

describe('fragment order with code steps', () => {
  it('numbers a bullet before the code, the steps, and a bullet after it', () => {
    const slide = html('## 步骤\n\n- 先说 {.fragment}\n\n```python {1|2|all}\na\nb\n```\n\n- 后说 {.fragment}\n');
    expect(slide.fragments).toBe(4);
    expect(slide.html).toMatch(/<li [^>]*data-fragment-index="0"[^>]*>先说|<li [^>]*class="fragment" data-fragment-index="0"/);
    expect(slide.html).toContain('<span class="fragment custom code-step" data-fragment-index="1"');
    expect(slide.html).toContain('<span class="fragment custom code-step" data-fragment-index="2"');
    expect(slide.html).toMatch(/<li [^>]*data-fragment-index="3"[^>]*>后说/);
  });

  it('leaves a slide without steps as reveal.js numbers it', () => {
    const slide = html('## 要点\n\n- 一 {.fragment}\n- 二 {.fragment}\n');
    expect(slide.html).not.toContain('data-fragment-index');
  });
});
