// Unit tests of slide composition: the search for the largest step that fits,
// the choice of treatment from a slide's features, the void measure; and the
// pieces the composer works with: ::: cards, the title page filled from the
// front matter, the doctor's punctuation fix.
import { describe, expect, it } from 'vitest';
import {
  BASE_STEP,
  BODY_SCALE,
  MAX_VOID,
  chooseKind,
  isStatement,
  largestFitting,
  stepsFor,
  treatmentOf,
  voidBelow,
  type SlideFeatures,
} from '../../../src/client/composeRules.ts';
import { createMarkdown } from '../../../src/markdown/createMarkdown.ts';
import { parseDeck } from '../../../src/deck/parseDeck.ts';
import { renderSlidesHtml, titlePageHtml } from '../../../src/render/slidesHtml.ts';
import { asciiPunctuation } from '../../../src/shared/textChecks.ts';

const features = (over: Partial<SlideFeatures>): SlideFeatures => ({
  layout: '',
  blocks: ['p'],
  text: '一句话。',
  hasFigure: false,
  ...over,
});

describe('largestFitting (binary search over the scale)', () => {
  it('finds the largest candidate a monotone test accepts', () => {
    for (let limit = 0; limit < 10; limit++) {
      const candidates = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
      expect(largestFitting(candidates, (c) => c <= limit).value).toBe(limit);
    }
  });

  it('tries O(log n) candidates, not all of them', () => {
    const candidates = Array.from({ length: 64 }, (_, i) => i);
    let calls = 0;
    const { value, tries } = largestFitting(candidates, (c) => {
      calls++;
      return c <= 40;
    });
    expect(value).toBe(40);
    expect(tries).toBe(calls);
    expect(calls).toBeLessThanOrEqual(7);
  });

  it('falls back to the floor when nothing fits (the floor is a floor)', () => {
    expect(largestFitting([0, 1, 2], () => false).value).toBe(0);
  });

  it('on the body scale: a short body steps up to 32, a long one stays at 28, an overfull one drops to 24', () => {
    const heightAt = (lines: number) => (px: number) => lines * px * 1.5;
    const area = 520;
    const fits = (lines: number) => (step: number) => {
      const h = heightAt(lines)(BODY_SCALE[step]);
      return h <= area && (step <= BASE_STEP || h <= area * 0.72);
    };
    expect(BODY_SCALE[largestFitting(stepsFor('text'), fits(3)).value]).toBe(32);
    expect(BODY_SCALE[largestFitting(stepsFor('text'), fits(11)).value]).toBe(28);
    expect(BODY_SCALE[largestFitting(stepsFor('text'), fits(13)).value]).toBe(24);
  });
});

describe('the choice of layout', () => {
  it('one short sentence is a statement', () => {
    expect(isStatement(features({ text: '开放是产业技术联盟发展壮大的中长期目标！' }))).toBe(true);
    expect(chooseKind(features({ text: '开放是产业技术联盟发展壮大的中长期目标！' }))).toBe('statement');
  });

  it('two sentences, a list, or a long paragraph are not', () => {
    expect(isStatement(features({ text: '第一句。第二句。' }))).toBe(false);
    expect(isStatement(features({ blocks: ['ul'], text: '一项' }))).toBe(false);
    expect(isStatement(features({ blocks: ['p', 'p'], text: '一 二' }))).toBe(false);
    expect(isStatement(features({ text: '长'.repeat(80) }))).toBe(false);
  });

  it('a slide layout is left alone; a diagram makes a figure slide', () => {
    expect(chooseKind(features({ layout: 'divider' }))).toBe('layout');
    expect(chooseKind(features({ blocks: ['p', 'figure'], hasFigure: true }))).toBe('figure');
    expect(chooseKind(features({ blocks: ['ul'], text: '一 二 三' }))).toBe('text');
  });

  it('author overrides: {.statement} forces a statement, {.dense} keeps the base size, {.roomy} may step up', () => {
    expect(chooseKind(features({ blocks: ['ul'], text: '一项', override: 'statement' }))).toBe('statement');
    expect(chooseKind(features({ text: '一句话。', override: 'dense' }))).toBe('text');
    expect(stepsFor('text', 'dense')).toEqual([0, BASE_STEP]);
    expect(stepsFor('text', 'roomy')).toEqual([0, 1, 2]);
    expect(stepsFor('figure')).toEqual([0, BASE_STEP]);
  });

  it('names the treatment from the step and the fill', () => {
    expect(treatmentOf('text', 2, 0.4)).toBe('sparse');
    expect(treatmentOf('text', 1, 0.6)).toBe('regular');
    expect(treatmentOf('text', 1, 0.95)).toBe('dense');
    expect(treatmentOf('text', 0, 0.9)).toBe('dense');
    expect(treatmentOf('text', 2, 0.3, 'dense')).toBe('dense');
    expect(treatmentOf('figure', 1, 1)).toBe('figure');
  });
});

describe('the void measure', () => {
  const area = { top: 140, bottom: 656 };
  it('is about 0 for a balanced or a full body, high for a body glued to the top', () => {
    expect(voidBelow(area, { top: 300, bottom: 496 })).toBeCloseTo(0, 5);
    expect(voidBelow(area, { top: 140, bottom: 656 })).toBe(0);
    expect(voidBelow(area, { top: 140, bottom: 280 })).toBeGreaterThan(MAX_VOID);
    expect(voidBelow(area, { top: 140, bottom: 560 })).toBeLessThan(MAX_VOID);
  });
});

describe('::: cards', () => {
  const md = createMarkdown();
  const parse = (text: string) => parseDeck([{ file: 'slides/a.md', text }], md);

  it('makes each list item a card, with its heading and the icon inlined as SVG', () => {
    const { deck, problems } = parse(
      '## 特征\n\n::: cards\n- ### 特征一 {icon=building-2}\n  主体是企业\n- ### 特征二\n  本质是技术联盟\n:::\n',
    );
    // Without the source lines every block carries (tests/unit/deck/parseDeck.test.ts checks those).
    const html = deck.slides[0].html.replace(/ data-line="\d+"/g, '');
    expect(problems).toEqual([]);
    expect(html).toContain('<div data-cards="2" data-columns="2" class="layout-cards">');
    expect(html).toContain('<ul class="cards">');
    expect(html.match(/<li class="card">/g)).toHaveLength(2);
    expect(html).toMatch(
      /<h3><svg class="card-icon" data-icon="building-2" aria-hidden="true"[^>]*>.*<\/svg>特征<wbr>一<\/h3>\n<p>主体<wbr>是<wbr>企业<\/p>/s,
    );
    expect(html).not.toMatch(/\sicon=/);
  });

  it('takes the number of columns after the name (cards 1: rows)', () => {
    const { deck } = parse('::: cards 1\n- 一\n- 二\n- 三\n- 四\n:::\n');
    expect(deck.slides[0].html).toContain('data-cards="4" data-columns="1"');
  });

  it('reports an unknown icon with its line, and a card count outside 2–4', () => {
    const { problems } = parse('# x\n\n::: cards\n- ### 一 {icon=no-such-icon}\n:::\n');
    const lines = problems.map((p) => `${p.pos.line}: ${p.level}: ${p.message}`);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('3: warning: ::: cards has 1 item; cards are for 2 to 4 parallel items');
    expect(lines[1]).toMatch(/^4: error: unknown icon "no-such-icon" \(icons are Lucide's, lucide\.dev\/icons/);
  });

  it('names the 3 closest Lucide icons for a misspelt one', () => {
    const { problems } = parse('# x\n\n::: cards\n- ### 一 {icon=databse}\n- ### 二 {icon=cpu}\n:::\n');
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^unknown icon "databse" \(.*; did you mean database, [a-z0-9-]+, [a-z0-9-]+\?\)$/),
    ]);
  });
});

describe('the title page from the front matter', () => {
  const meta = {
    title: '产学研合作的热点与思考',
    subtitle: '以产业技术联盟为例',
    organisation: '中国科学技术发展战略研究院',
    author: '于良',
    date: '2021年9月17日',
    lang: 'zh-CN',
    theme: 'institute',
  };

  it('fills a title page that holds only its heading, or nothing', () => {
    const filled = titlePageHtml('<div class="layout-title">\n<h1>标题</h1>\n</div>\n', meta);
    expect(filled).toContain(
      '<h1>标题</h1>\n<p class="title-subtitle">以产业技术联盟为例</p>\n<p class="title-meta">中国科学技术发展战略研究院</p>\n<p class="title-meta">于良</p>\n<p class="title-meta">2021年9月17日</p>',
    );
    expect(titlePageHtml('<div class="layout-title">\n</div>\n', meta)).toContain('<h1>产学研合作的热点与思考</h1>');
  });

  it('leaves a written title page as it is, and fills only the fields that are set', () => {
    const written = '<div class="layout-title">\n<h1>标题</h1>\n<p>副标题</p>\n</div>\n';
    expect(titlePageHtml(written, meta)).toBe(written);
    expect(
      titlePageHtml('<div class="layout-title">\n<h1>标题</h1>\n</div>\n', { ...meta, subtitle: undefined, date: undefined }),
    ).not.toMatch(/title-subtitle|2021/);
  });

  it("fills the deck's first title page only", () => {
    const { deck } = parseDeck(
      [{ file: 'a.md', text: '---\ntitle: 题\nauthor: 某人\n---\n\n::: title\n# 题\n:::\n\n---\n\n::: title\n# 第二封面\n:::\n' }],
      createMarkdown(),
    );
    const html = renderSlidesHtml(deck);
    expect(html.match(/title-meta/g)).toHaveLength(1);
  });
});

describe("the doctor's punctuation rule", () => {
  it('finds ASCII punctuation between Chinese characters and gives the full-width fix', () => {
    expect(asciiPunctuation('工业实验室: 1900年, 美国通用电气公司')).toMatchObject([
      { found: ': 1900年, 美国通用电气', fixed: ': 1900年，美国通用电气' },
    ]);
    expect(asciiPunctuation('技术顾问: 美国西部采金潮')).toMatchObject([
      { found: '技术顾问: 美国西部采金', fixed: '技术顾问：美国西部采金' },
    ]);
    expect(asciiPunctuation('科学园 (最早)')[0].fixed).toBe('科学园（最早)');
  });

  it('leaves punctuation among Latin letters and digits alone', () => {
    expect(asciiPunctuation('Steinbeis Transfer Centers, STC')).toEqual([]);
    expect(asciiPunctuation('1：1，AT&T, IBM')).toEqual([]);
  });
});
