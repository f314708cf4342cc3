// Unit tests of the Markdown → Deck model step: slide splitting, notes,
// attributes, layouts, the two CJK cases, source lines and error messages.
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../src/markdown/createMarkdown.ts';
import { parseDeck } from '../../../src/deck/parseDeck.ts';
import { formatProblem } from '../../../src/shared/problem.ts';

const md = createMarkdown();
const parse = (text: string, file = 'slides/a.md') => parseDeck([{ file, text }], md);
/** Rendered HTML without the source lines on its blocks (tested on their own below). */
const bare = (html: string) => html.replace(/ data-line="\d+"/g, '');
const errors = (text: string) =>
  parse(text)
    .problems.filter((p) => p.level === 'error')
    .map(formatProblem);

describe('source lines', () => {
  it('every block element carries the line it starts on', () => {
    const { deck } = parse('# 标题\n\n段落\n\n- 一\n- 二\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    const html = deck.slides[0].html;
    expect(html).toContain('<h1 data-line="1">');
    expect(html).toContain('<p data-line="3">');
    expect(html).toContain('<ul data-line="5">');
    expect(html).toContain('<li data-line="6">');
    expect(html).toContain('<table data-line="8">');
  });
});

describe('slide splitting', () => {
  it("splits on --- and keeps each slide's first line", () => {
    const { deck } = parse('# One\n\ntext\n\n---\n\n## Two\n\n---\n## Three\n');
    expect(deck.slides.map((s) => s.title)).toEqual(['One', 'Two', 'Three']);
    expect(deck.slides.map((s) => s.pos.line)).toEqual([1, 7, 10]);
    expect(deck.slides.map((s) => [s.h, s.v])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
    ]);
  });

  it('a deck without a title is named by its first heading, else in Chinese', () => {
    expect(parse('no heading\n\n---\n\n## 第一个标题\n').deck.meta.title).toBe('第一个标题');
    expect(parse('只有正文\n').deck.meta.title).toBe('未命名演示');
    expect(parse('---\nlang: en\n---\n\ntext only\n').deck.meta.title).toBe('Untitled deck');
  });

  it('a separator right under a paragraph still separates (no setext heading)', () => {
    const { deck } = parse('first\n---\nsecond\n');
    expect(deck.slides).toHaveLength(2);
    expect(bare(deck.slides[0].html)).toBe('<p>first</p>\n');
  });

  it('-- makes a vertical slide', () => {
    const { deck } = parse('# A\n\n--\n\n# A.1\n\n---\n\n# B\n');
    expect(deck.slides.map((s) => [s.h, s.v])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it('--- inside a code fence is code, not a separator', () => {
    const { deck } = parse('```\n---\n```\n');
    expect(deck.slides).toHaveLength(1);
    expect(bare(deck.slides[0].html)).toContain('---');
  });

  it('continues slide numbering across files and records parts', () => {
    const result = parseDeck(
      [
        { file: 'slides/00.md', text: '---\ntitle: 讲题\n---\n\n# 封面\n' },
        { file: 'slides/01.md', text: '---\npart: 一、发展\nmarker: 一\n---\n\n# 发展\n\n---\n\n## 细节\n' },
      ],
      md,
    );
    expect(result.problems).toEqual([]);
    expect(result.deck.meta.title).toBe('讲题');
    expect(result.deck.parts.map((p) => [p.title, p.marker, p.firstSlide, p.inOutline])).toEqual([
      ['封面', '', 0, false],
      ['一、发展', '一', 1, true],
    ]);
    expect(result.deck.slides.map((s) => `${s.pos.file}:${s.pos.line}`)).toEqual(['slides/00.md:5', 'slides/01.md:6', 'slides/01.md:10']);
  });
});

describe('speaker notes', () => {
  it('everything after Note: is notes', () => {
    const { deck } = parse('# 标题\n\n正文\n\nNote:\n要点 **一**\n\n- 二\n');
    expect(bare(deck.slides[0].html)).not.toContain('要点');
    expect(deck.slides[0].notes).toContain('<strong>一</strong>');
    expect(bare(deck.slides[0].notes)).toContain('<li>二</li>');
  });

  it('text on the Note: line itself is kept', () => {
    const { deck } = parse('# T\nNote: 注意时间\n');
    expect(bare(deck.slides[0].notes)).toBe('<p>注意时间</p>\n');
  });
});

describe('attributes and layouts', () => {
  it('markdown-it-attrs: fragments, classes, ids', () => {
    const { deck } = parse('## 标题 {#top .big}\n\n- 一 {.fragment}\n- 二 {.fragment data-fragment-index=2}\n');
    const html = deck.slides[0].html;
    expect(bare(html)).toContain('<h2 id="top" class="big">标题</h2>');
    expect(bare(html)).toContain('<li class="fragment">一</li>');
    expect(bare(html)).toContain('data-fragment-index="2"');
    expect(deck.slides[0].fragments).toBe(2);
  });

  it('columns nest inside a longer fence', () => {
    const { deck, problems } = parse(':::: columns\n::: column\n左\n:::\n::: column\n右\n:::\n::::\n');
    expect(problems).toEqual([]);
    expect(bare(deck.slides[0].html)).toBe(
      '<div class="layout-columns">\n<div class="layout-column">\n<p>左</p>\n</div>\n<div class="layout-column">\n<p>右</p>\n</div>\n</div>\n',
    );
  });

  it('slide-level layouts mark the slide', () => {
    const { deck } = parse('::: divider\n# 一、发展\n:::\n\n---\n\n::: centered\n谢谢\n:::\n');
    expect(deck.slides.map((s) => s.layout)).toEqual(['divider', 'centered']);
  });

  it('the outline lists parts with a marker and marks the current one', () => {
    const result = parseDeck(
      [
        { file: 'a.md', text: '::: outline\n## 提纲\n:::\n' },
        { file: 'b.md', text: '---\npart: 一、发展\nmarker: 一\n---\n::: outline\n:::\n\n---\n\n# 发展\n' },
        { file: 'c.md', text: '---\npart: 二、模式\nmarker: 二\n---\n# 模式\n' },
      ],
      md,
    );
    const [first, second] = result.deck.slides;
    expect(bare(first.html)).toContain(
      '<ol class="outline-list"><li><a href="#/1">一、发展</a></li><li><a href="#/3">二、模式</a></li></ol>',
    );
    expect(bare(second.html)).toContain('<li class="current" aria-current="step"><a href="#/1">一、发展</a></li>');
  });

  it('mermaid fences become placeholders and are listed with their line', () => {
    const { deck } = parse('## 图\n\n```mermaid\nflowchart LR\n  A --> B\n```\n');
    expect(deck.slides[0].html).toContain(
      '<figure class="mermaid-diagram" data-line="3" aria-label="流程图"><pre class="mermaid-source">flowchart LR\n  A --&gt; B\n</pre></figure>',
    );
    expect(deck.slides[0].diagrams).toEqual([{ pos: { file: 'slides/a.md', line: 3 }, code: 'flowchart LR\n  A --> B\n' }]);
  });
});

describe('CJK', () => {
  it('bold next to full-width punctuation renders bold', () => {
    const { deck } = parse('**产业技术联盟：**是指一个产业中\n');
    expect(bare(deck.slides[0].html)).toBe('<p><strong>产业技术联盟：</strong>是指一个产业中</p>\n');
  });

  it('a line break between two Chinese lines adds no space', () => {
    const { deck } = parse('联盟成员来自产业的各个领域\n在技术方面都有各自的优势\n');
    expect(bare(deck.slides[0].html)).toBe('<p>联盟成员来自产业的各个领域在技术方面都有各自的优势</p>\n');
  });

  it('a line break between Latin words still becomes a space', () => {
    const { deck } = parse('Kline and\nRosenberg\n');
    expect(bare(deck.slides[0].html)).toBe('<p>Kline and\nRosenberg</p>\n');
  });
});

describe('errors name file and line', () => {
  it('invalid YAML front matter', () => {
    expect(errors('---\ntitle: 讲题\nauthor: [unclosed\n---\n\n# x\n')[0]).toMatch(/^slides\/a\.md:3: error: invalid front matter/);
  });

  it('unknown front-matter key, with the known ones', () => {
    expect(errors('---\ntitel: x\n---\n# x\n')).toEqual([
      expect.stringMatching(/^slides\/a\.md:2: error: unknown front-matter key "titel" \(known: title, subtitle/),
    ]);
  });

  it('deck keys only in the first file', () => {
    const result = parseDeck(
      [
        { file: 'a.md', text: '# a\n' },
        { file: 'b.md', text: '---\ntitle: x\n---\n# b\n' },
      ],
      md,
    );
    expect(result.problems.map(formatProblem)[0]).toMatch(
      /^b\.md:2: error: unknown front-matter key "title" \(deck keys belong in the first file\)/,
    );
  });

  it('an unclosed container', () => {
    expect(errors('# a\n\n::: columns\n左\n')).toEqual([
      'slides/a.md:3: error: container ::: columns is not closed (add a line ::: where it ends)',
    ]);
  });

  it('a separator inside a container', () => {
    expect(errors('::: note\nx\n\n---\n\ny\n:::\n')).toEqual([
      'slides/a.md:4: error: slide separator --- inside "::: note" opened at line 1: close it first',
    ]);
  });

  it('an unclosed code fence', () => {
    expect(errors('# a\n\n```mermaid\nflowchart LR\n')).toEqual([
      'slides/a.md:3: error: code fence ```mermaid is not closed (add a line ``` after its last line)',
    ]);
  });

  it('an unknown layout, with the known ones', () => {
    expect(errors('::: colums\nx\n:::\n')).toEqual([
      'slides/a.md:1: error: unknown layout "colums" (known: title, divider, outline, centered, columns, column, note, small, cards)',
    ]);
  });

  it('a closed fence and container give no error', () => {
    expect(errors('::: note\n```js\nx\n```\n:::\n')).toEqual([]);
  });
});

describe('Chinese phrase breaks (BudouX)', () => {
  const html = (text: string) => parse(text).deck.slides[0].html.replace(/ data-line="\d+"/g, '');

  it('marks phrase boundaries with <wbr> in headings and table header cells', () => {
    const out = html('## 开源社区与用户社区\n\n| 开源社区 | 用户社区 |\n|---|---|\n| 开源社区与用户社区 | x |\n');
    expect(out).toContain('<h2>开源<wbr>社区<wbr>与<wbr>用户<wbr>社区</h2>');
    expect(out).toContain('<th>开源<wbr>社区</th>');
    expect(out).toContain('<td>开源社区与用户社区</td>');
  });

  it('leaves body paragraphs and list items alone, and adds no character to the text', () => {
    const out = html('## 标题\n\n开源社区与用户社区\n\n- 开源社区与用户社区\n');
    expect(out).toContain('<p>开源社区与用户社区</p>');
    expect(out).toContain('<li>开源社区与用户社区</li>');
    expect(out).not.toMatch(/[\u200b\u00ad]/);
  });
});
