// Unit tests of the parse of code and formulas, with Shiki and KaTeX loaded
// as loadDeck loads them (for what the deck uses): a highlighted fence, its
// steps as fragments numbered with the slide's other fragments, a formula's
// wrapper that the page, the PDF and the PowerPoint reader read, and the
// parse-level findings at their lines (an unknown language, a TeX error).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../../src/deck/loadDeck.ts';
import type { ParseResult } from '../../../../src/deck/parseDeck.ts';
import { formatProblem } from '../../../../src/shared/problem.ts';

let fixture: ParseResult;
let broken: ParseResult;

beforeAll(async () => {
  [fixture, broken] = await Promise.all([loadDeck('tests/fixtures/code'), loadDeck('tests/fixtures/code-broken')]);
}, 60_000);

const slideWith = (result: ParseResult, text: string) => {
  const slide = result.deck.slides.find((s) => s.html.includes(text));
  if (!slide) throw new Error(`no slide has ${text}`);
  return slide;
};

describe('code', () => {
  it('highlights a fence in the theme palette, Chinese comment and all', () => {
    const html = slideWith(fixture, 'interface').html;
    expect(html).toContain('<span style="color:var(--code-token-keyword, #1b3d6e)">interface</span>');
    expect(html).toContain('<span style="color:var(--code-token-comment, #5f6873)">// 读取配置文件：缺少的字段取默认值</span>');
    expect(html).toContain('<span class="code-ln" aria-hidden="true">10</span>');
    expect(fixture.deck.codeText).toContain('export function load');
  });

  it('numbers the steps and the slide’s other fragments in the order of the Markdown', () => {
    const slide = slideWith(fixture, 'def</span>');
    expect(slide.fragments).toBe(3);
    const indices = [
      ...slide.html.matchAll(/class="fragment[^"]*"[^>]*data-fragment-index="(\d)"|data-fragment-index="(\d)"[^>]*class="fragment/g),
    ];
    expect(indices.length).toBeGreaterThan(2);
    // The bullet after the code block comes after its two steps.
    expect(slide.html).toMatch(
      /<li [^>]*class="fragment"[^>]*data-fragment-index="2"|<li [^>]*data-fragment-index="2"[^>]*class="fragment"/,
    );
  });

  it('warns of an unknown language at its fence, with the closest names, and shows it uncoloured', () => {
    const found = broken.problems.map(formatProblem);
    expect(found).toContain(
      'tests/fixtures/code-broken/01-broken.md:7: warning: unknown code language "klingon": shown uncoloured (did you mean jison, logo, kotlin?)',
    );
    expect(slideWith(broken, 'qaStaH').html).toContain('<span style="color:var(--code-foreground, #1d232b)">qaStaH nuq</span>');
  });
});

describe('formulas', () => {
  it('renders a formula with KaTeX inside a wrapper that says its TeX', () => {
    const inline = slideWith(fixture, 'E = mc^2').html;
    expect(inline).toMatch(/<span class="math math-inline" data-line="3" role="img" aria-label="E = mc\^2"><span class="katex">/);
    expect(inline).not.toContain('aria-hidden');
    const display = slideWith(fixture, 'math-display').html;
    expect(display).toContain('<div class="math math-display" data-line="9" role="img" aria-label="\\frac{1}{n}\\sum_{i=1}^{n} x_i');
    expect(fixture.deck.math).toBe(true);
  });

  it('says a TeX error at the formula’s line, with KaTeX’s message, and shows the TeX', () => {
    const errors = broken.problems.filter((p) => p.level === 'error').map(formatProblem);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^tests\/fixtures\/code-broken\/01-broken\.md:15: error: formula does not parse: Unexpected end of input .*expected '\}'/,
    );
    expect(slideWith(broken, 'math-source').html).toContain('<code>$\\frac{1}{n$</code>');
  });

  it('gives a deck with only inline code the code font, subset to it, without a highlighter', async () => {
    const { parseDeck } = await import('../../../../src/deck/parseDeck.ts');
    const { createMarkdown } = await import('../../../../src/markdown/createMarkdown.ts');
    const { deck } = parseDeck([{ file: 'a.md', text: '## 命令\n\n运行 `npm run dev` 即可。' }], createMarkdown());
    expect(deck.codeText).toBe('npm run dev');
    expect(deck.slides[0].html).toContain('<code>npm run dev</code>');
  });

  it('leaves a price in dollars as text', async () => {
    const { parseDeck } = await import('../../../../src/deck/parseDeck.ts');
    const { createMarkdown } = await import('../../../../src/markdown/createMarkdown.ts');
    const { deck } = parseDeck([{ file: 'a.md', text: '## 价格\n\n从 $5 涨到 $10。' }], createMarkdown());
    expect(deck.slides[0].html).toContain('从 $5 涨到 $10。');
    expect(deck.math).toBeUndefined();
  });
});
