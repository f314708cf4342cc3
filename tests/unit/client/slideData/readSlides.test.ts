// @vitest-environment happy-dom
// Unit tests of the PowerPoint reader's pieces (src/client/slideData/) in a DOM
// without layout (happy-dom): what they read from markup and computed style —
// colours and borders, runs and links, bullets and list numbering, a table's
// rules folded into its cells, what a picture is and its description, what a
// text box is for, a slide's layout and heading, speaker notes. Boxes need a
// real layout: the PPTX end-to-end test reads them in Chromium.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Cell, Item, Run, TextItem } from '../../../../src/shared/slideData.ts';
import { alignOf, borderOf, colour, lineHeightOf } from '../../../../src/client/slideData/style.ts';
import { blockRuns, linkOf, runsOf, tidy } from '../../../../src/client/slideData/runs.ts';
import { bulletOf, listItem } from '../../../../src/client/slideData/lists.ts';
import { foldTableRules } from '../../../../src/client/slideData/tables.ts';
import { describe as describePicture } from '../../../../src/client/slideData/pictures.ts';
import { roleOf } from '../../../../src/client/slideData/blocks.ts';
import { headingOf, layoutOf } from '../../../../src/client/slideData/readSlides.ts';
import { notesOf } from '../../../../src/client/slideData/notes.ts';

function html(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body.firstElementChild as HTMLElement;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('style', () => {
  it('reads colours as hex and opacity', () => {
    expect(colour('rgb(26, 58, 107)')).toEqual({ hex: '1A3A6B', alpha: 1 });
    expect(colour('rgba(0, 0, 0, 0.5)')).toEqual({ hex: '000000', alpha: 0.5 });
    expect(colour('transparent')).toBeUndefined();
  });
  it('reads a border side, none when it has no width or style', () => {
    const el = html('<div style="border-top: 3px solid rgb(26, 58, 107); border-bottom: 0 solid red"></div>');
    const cs = getComputedStyle(el);
    expect(borderOf(cs, 'top')).toEqual({ colour: { hex: '1A3A6B', alpha: 1 }, width: 3 });
    expect(borderOf(cs, 'bottom')).toBeNull();
  });
  it('reads alignment and line height', () => {
    const el = html('<p style="text-align: center; font-size: 20px; line-height: 30px">x</p>');
    const cs = getComputedStyle(el);
    expect(alignOf(cs)).toBe('center');
    expect(lineHeightOf(cs)).toBe(30);
  });
});

describe('runs', () => {
  it('keeps web, mail and in-deck links, nothing else', () => {
    const a = (href: string): Element => html(`<a href="${href}">x</a>`);
    expect(linkOf(a('mailto:ylkjb@163.com'))).toBe('mailto:ylkjb@163.com');
    expect(linkOf(a('https://example.org/'))).toBe('https://example.org/');
    expect(linkOf(a('#/3'))).toBe('#/3');
    expect(linkOf(a('#/3/1'))).toBe('#/3/1');
    expect(linkOf(a('javascript:alert(1)'))).toBeUndefined();
    expect(linkOf(a('#top'))).toBeUndefined();
  });
  it('reads bold, links and line breaks as runs, white space tidied', () => {
    const p = html('<p>  联系 <strong style="font-weight: 700">方式</strong>：<a href="mailto:a@b.cn">a@b.cn</a><br>  010-1234  </p>');
    const runs: Run[] = [];
    runsOf(p, runs);
    const tidied = tidy(runs);
    expect(tidied.map((r) => r.text)).toEqual(['联系 ', '方式', '：', 'a@b.cn', '010-1234']);
    expect(tidied[1].bold).toBe(true);
    expect(tidied[3].link).toBe('mailto:a@b.cn');
    expect(tidied[4].breakBefore).toBe(true);
  });
  it('keeps a link set as a block (an outline entry)', () => {
    const li = html('<li><a href="#/3" style="display: block">一、产学研合作的发展</a></li>');
    expect(blockRuns(li, () => false).map((r) => [r.text, r.link])).toEqual([['一、产学研合作的发展', '#/3']]);
  });
  it('puts a block child on a line of its own', () => {
    const li = html('<li>第一行<p>第二段</p></li>');
    const runs = blockRuns(li, () => false);
    expect(runs.map((r) => [r.text, r.breakBefore ?? false])).toEqual([
      ['第一行', false],
      ['第二段', true],
    ]);
  });
});

describe('lists', () => {
  it('numbers an ordered list itself, keeping a start only where the Markdown gave one', () => {
    const list = html('<ol start="5"><li>五</li><li>六</li></ol>');
    const out: Item[] = [];
    listItem(list, out);
    const text = out.find((i): i is TextItem => i.kind === 'text');
    expect(text?.paragraphs.map((p) => [p.bullet?.kind, p.bullet?.explicitStart, p.bullet?.start])).toEqual([
      ['number', true, 5],
      ['number', false, 1],
    ]);
    const plain = html('<ol><li>一</li></ol>');
    expect(bulletOf(plain.firstElementChild!, true, undefined)?.explicitStart).toBe(false);
  });
  it('reads nested items one level in', () => {
    const list = html('<ul><li>甲<ul><li>乙</li></ul></li><li>丙</li></ul>');
    const out: Item[] = [];
    listItem(list, out);
    const text = out.find((i): i is TextItem => i.kind === 'text');
    expect(text?.paragraphs.map((p) => [p.runs.map((r) => r.text).join(''), p.level])).toEqual([
      ['甲', 0],
      ['乙', 1],
      ['丙', 0],
    ]);
  });
});

describe('tables', () => {
  const cell = (rowspan = 1): Cell => ({
    paragraphs: [],
    borders: [null, null, null, null],
    padding: [0, 0, 0, 0],
    valign: 'top',
    colspan: 1,
    rowspan,
  });
  it("puts the table's own rules on its first row's tops and its last row's bottoms", () => {
    const rows = [{ cells: [cell(), cell(2)] }, { cells: [cell()] }, { cells: [cell(), cell()] }];
    const rule = { colour: { hex: '1A3A6B', alpha: 1 }, width: 3 };
    foldTableRules(rows, rule, rule);
    expect(rows[0].cells.map((c) => c.borders[0])).toEqual([rule, rule]);
    expect(rows[2].cells.map((c) => c.borders[2])).toEqual([rule, rule]);
    expect(rows[0].cells[1].borders[2]).toBeNull();
    expect(rows[1].cells[0].borders[2]).toBeNull();
  });
});

describe('pictures', () => {
  it('names an icon by its card heading, a diagram by its source line', () => {
    html('<ul><li class="card"><h3><svg class="card-icon" data-icon="cpu"></svg>特征二</h3><p>…</p></li></ul>');
    expect(describePicture(document.querySelector('svg')!)).toEqual({ role: 'icon', alt: '图标：特征二' });
    html('<figure class="mermaid-diagram" data-line="12"><svg></svg></figure>');
    expect(describePicture(document.querySelector('svg')!)).toMatchObject({ role: 'diagram', line: 12 });
    html('<p><img alt="联盟标志" src="data:,"></p>');
    expect(describePicture(document.querySelector('img')!)).toEqual({ role: 'image', alt: '联盟标志' });
  });
});

describe('slides', () => {
  it("tells the slide's heading, footer, part marker and number apart from body text", () => {
    const section = html(
      '<section><h2>标题</h2><p>正文</p><footer><span class="footer-title">短标题</span><span class="footer-part">二</span></footer><div class="slide-number slide-number-pdf">7</div></section>',
    );
    const title = headingOf(section);
    expect(title?.textContent).toBe('标题');
    const ctx = { title };
    expect(roleOf(section.querySelector('h2')!, ctx)).toBe('title');
    expect(roleOf(section.querySelector('p')!, ctx)).toBeUndefined();
    expect(roleOf(section.querySelector('.footer-title')!, ctx)).toBe('footer');
    expect(roleOf(section.querySelector('.footer-part')!, ctx)).toBe('marker');
    expect(roleOf(section.querySelector('.slide-number')!, ctx)).toBe('number');
  });
  it("reads a slide's layout from the deck's layout classes", () => {
    expect(layoutOf(html('<section><div class="layout-title"><h1>t</h1></div></section>'))).toBe('title');
    expect(layoutOf(html('<section class="layout-divider"><h2>一</h2></section>'))).toBe('section');
    expect(layoutOf(html('<section><h2>x</h2><p>y</p></section>'))).toBe('content');
  });
  it('reads the speaker notes as text, one line per paragraph', () => {
    const section = html('<section><p>x</p><aside class="notes"><p>第一段</p><p>第二段</p></aside></section>');
    expect(
      notesOf(section)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    ).toEqual(['第一段', '第二段']);
  });
});
