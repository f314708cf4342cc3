// Bookmarks and metadata written with pdf-lib and read back: the tree built
// from the Deck model and the printed page map, and the print plan.
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { Deck, Slide } from '../../../../src/deck/model.ts';
import { bookmarkTree, writeOutline } from '../../../../src/export/pdf/outline.ts';
import { applyMetadata } from '../../../../src/export/pdf/metadata.ts';
import { firstPages, pagesOfSlides, printPlan, slideKey } from '../../../../src/export/print/pages.ts';
import { readInfo, readOutline } from '../../../../src/export/pdf/inspect.ts';

function slide(index: number, h: number, v: number, part: number, title: string): Slide {
  return {
    index,
    h,
    v,
    pos: { file: `s/${part}.md`, line: 10 * index + 1 },
    endLine: 10 * index + 9,
    part,
    title,
    layout: '',
    html: '',
    notes: '',
    diagrams: [],
    fragments: 0,
  };
}

const deck: Deck = {
  meta: { title: '标题', lang: 'zh-CN', theme: 'institute', author: '作者', subtitle: '副标题', keywords: ['甲', '乙'] },
  files: ['s/0.md', 's/1.md'],
  parts: [
    { index: 0, file: 's/0.md', title: '开场', marker: '', inOutline: false, firstSlide: 0 },
    { index: 1, file: 's/1.md', title: '一、正文', marker: '一', inOutline: true, firstSlide: 2 },
  ],
  slides: [
    slide(0, 0, 0, 0, '封面'),
    slide(1, 1, 0, 0, ''),
    slide(2, 2, 0, 1, '正文一'),
    slide(3, 2, 1, 1, '竖向'),
    slide(4, 3, 0, 1, '正文二'),
  ],
  text: '',
};

async function blankPdf(pages: number): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([960, 540]);
  return doc;
}

describe('page map', () => {
  it('maps printed pages to slides and finds each slide’s first page', () => {
    const pages = pagesOfSlides(deck, [
      { key: slideKey(deck, 0), kind: 'slide' },
      { key: slideKey(deck, 2), kind: 'slide' },
      { key: slideKey(deck, 2), kind: 'step' },
      { key: slideKey(deck, 2), kind: 'notes' },
      { key: slideKey(deck, 4), kind: 'slide' },
    ]);
    expect(pages.map((p) => p.slide)).toEqual([0, 2, 2, 2, 4]);
    expect([...firstPages(pages)]).toEqual([
      [0, 0],
      [2, 1],
      [4, 4],
    ]);
    expect(() => pagesOfSlides(deck, [{ key: 'nope:1', kind: 'slide' }])).toThrow(/does not have/);
  });

  it('plans links for horizontal and vertical slides, and the kept slides', () => {
    const plan = printPlan(deck, [0, 3], true);
    expect(plan.keep).toEqual([slideKey(deck, 0), slideKey(deck, 3)]);
    expect(plan.links['#/2']).toBe(slideKey(deck, 2));
    expect(plan.links['#/2/0']).toBe(slideKey(deck, 2));
    expect(plan.links['#/2/1']).toBe(slideKey(deck, 3));
    expect(plan.labels[slideKey(deck, 2)]).toBe('3 · 正文一 · 备注');
    expect(printPlan(deck, null, false).keep).toBeNull();
  });
});

describe('bookmarks', () => {
  it('has a part per entry with a child per titled slide', () => {
    const tree = bookmarkTree(
      deck,
      new Map([
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 5],
        [4, 6],
      ]),
    );
    expect(tree).toEqual([
      { title: '开场', page: 0, children: [{ title: '封面', page: 0, children: [] }] },
      {
        title: '一、正文',
        page: 2,
        children: [
          { title: '正文一', page: 2, children: [] },
          { title: '竖向', page: 5, children: [] },
          { title: '正文二', page: 6, children: [] },
        ],
      },
    ]);
  });

  it('leaves out parts with no printed slide and points a part at its first printed page', () => {
    expect(
      bookmarkTree(
        deck,
        new Map([
          [3, 0],
          [4, 1],
        ]),
      ),
    ).toEqual([
      {
        title: '一、正文',
        page: 0,
        children: [
          { title: '竖向', page: 0, children: [] },
          { title: '正文二', page: 1, children: [] },
        ],
      },
    ]);
  });

  it('writes an outline that reads back with the same titles and pages', async () => {
    const doc = await blankPdf(7);
    const tree = bookmarkTree(
      deck,
      new Map([
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 5],
        [4, 6],
      ]),
    );
    writeOutline(doc, tree);
    const back = await PDFDocument.load(await doc.save());
    expect(readOutline(back)).toEqual(tree);
    expect(readInfo(back).pageMode).toBe('UseOutlines');
  });

  it('refuses a bookmark past the last page', async () => {
    const doc = await blankPdf(1);
    expect(() => writeOutline(doc, [{ title: 'x', page: 3, children: [] }])).toThrow(/page 4 of 1/);
  });
});

describe('metadata', () => {
  it('comes from the front matter and names iur-deck', async () => {
    const doc = await blankPdf(1);
    applyMetadata(doc, deck.meta, { browserVersion: 'HeadlessChrome/156.0.1' });
    const back = await PDFDocument.load(await doc.save(), { updateMetadata: false });
    const { producer, ...info } = readInfo(back);
    expect(producer).toMatch(/^iur-deck \d+\.\d+\.\d+ \(Chromium 156\.0\.1, pdf-lib\)$/);
    expect(info).toEqual({
      title: '标题',
      author: '作者',
      subject: '副标题',
      keywords: '甲 乙',
      creator: 'iur-deck',
      lang: 'zh-CN',
      pageMode: undefined,
    });
  });
});
