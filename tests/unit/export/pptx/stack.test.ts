// Unit tests of how the PowerPoint writer lays text out for editing
// (src/export/pptx/stack.ts, writePptx.slideItems): the blocks of one column
// stacked in one text body with their gaps as spacing, kept apart by what
// lies between them, each body box as wide as its column and as tall as the
// room below it; the footer's pieces as one placeholder paragraph.
import { describe, expect, it } from 'vitest';
import type { Box, Item, Paragraph, SlideData, TextItem } from '../../../../src/shared/slideData.ts';
import { roomOf, stackColumns } from '../../../../src/export/pptx/stack.ts';
import { slideItems } from '../../../../src/export/pptx/writePptx.ts';

const para = (text: string): Paragraph => ({
  runs: [{ text, size: 28, bold: false, italic: false, underline: false, colour: { hex: '000000', alpha: 1 } }],
  align: 'left',
  lineHeight: 40,
  spaceBefore: 0,
  indent: 0,
  bulletAt: 0,
  level: 0,
});
const text = (t: string, box: Box, extra: Partial<TextItem> = {}): TextItem => ({
  kind: 'text',
  tag: 'p',
  box,
  column: { x: box.x, y: box.y, w: 1152, h: box.h },
  paragraphs: [para(t)],
  ...extra,
});
const shape = (box: Box): Item => ({ kind: 'shape', box, radius: 0, tag: 'div', fill: { hex: 'EEEEEE', alpha: 1 } });

describe('stackColumns', () => {
  it('stacks the blocks of one column, the gap between them as space before', () => {
    const items = stackColumns([text('一', { x: 64, y: 150, w: 1152, h: 80 }), text('二', { x: 64, y: 250, w: 600, h: 40 })]);
    expect(items).toHaveLength(1);
    const [stack] = items as TextItem[];
    expect(stack.paragraphs.map((p) => [p.runs[0].text, p.spaceBefore])).toEqual([
      ['一', 0],
      ['二', 20],
    ]);
    expect(stack.box).toEqual({ x: 64, y: 150, w: 1152, h: 140 });
  });
  it('keeps blocks apart across a picture, in other columns, or a title', () => {
    const picture: Item = {
      kind: 'picture',
      box: { x: 64, y: 240, w: 400, h: 100 },
      clip: { x: 0, y: 0, w: 1, h: 1 },
      svg: '',
      alt: '',
      role: 'image',
    };
    expect(
      stackColumns([text('一', { x: 64, y: 150, w: 1152, h: 80 }), picture, text('二', { x: 64, y: 350, w: 1152, h: 40 })]),
    ).toHaveLength(3);
    expect(stackColumns([text('左', { x: 64, y: 150, w: 500, h: 80 }), text('右', { x: 660, y: 150, w: 500, h: 80 })])).toHaveLength(2);
    expect(
      stackColumns([text('标题', { x: 64, y: 36, w: 1152, h: 60 }, { role: 'title' }), text('正文', { x: 64, y: 150, w: 1152, h: 40 })]),
    ).toHaveLength(2);
  });
  it('stacks blocks on a background they share (a card)', () => {
    const card = shape({ x: 40, y: 100, w: 400, h: 300 });
    expect(
      stackColumns([card, text('卡片标题', { x: 60, y: 120, w: 360, h: 40 }), text('卡片正文', { x: 60, y: 170, w: 360, h: 80 })]),
    ).toHaveLength(2);
  });
});

describe('roomOf', () => {
  const page = { w: 1280, h: 720 };
  it('runs to the column edge and down to what is below', () => {
    const body = text('正文', { x: 64, y: 150, w: 300, h: 40 });
    const below = shape({ x: 64, y: 400, w: 1152, h: 2 });
    expect(roomOf(body, [body, below], page)).toEqual({ x: 64, y: 150, w: 1152, h: 246 });
  });
  it("stays inside a card, and never below the text's own height", () => {
    const card = shape({ x: 40, y: 100, w: 400, h: 300 });
    const body = { ...text('卡片', { x: 60, y: 120, w: 360, h: 40 }), column: { x: 60, y: 120, w: 360, h: 40 } };
    expect(roomOf(body, [card, body], page)).toEqual({ x: 60, y: 120, w: 360, h: 260 });
    const tall = { ...body, box: { x: 600, y: 120, w: 360, h: 100 }, column: undefined };
    const right = shape({ x: 600, y: 221, w: 360, h: 100 });
    expect(roomOf(tall, [tall, right], page).h).toBe(100);
  });
  it('centres centred text in its whole column', () => {
    const body = text('一句话', { x: 500, y: 300, w: 280, h: 40 });
    body.paragraphs[0].align = 'center';
    body.column = { x: 64, y: 300, w: 1152, h: 40 };
    expect(roomOf(body, [body], page)).toMatchObject({ x: 64, w: 1152 });
  });
});

describe('slideItems', () => {
  it('writes the footer pieces as one paragraph and puts the number on its line', () => {
    const data: SlideData = {
      key: 'a.md:1',
      layout: 'content',
      background: { hex: 'FFFFFF', alpha: 1 },
      notes: '',
      steps: [],
      page: { x: 0, y: 0, w: 1280, h: 720 },
      items: [
        text('短标题', { x: 82, y: 680, w: 180, h: 24 }, { role: 'footer' }),
        shape({ x: 272, y: 687, w: 1, h: 16 }),
        text('二', { x: 282, y: 680, w: 20, h: 24 }, { role: 'marker' }),
        text('39', { x: 1198, y: 684, w: 18, h: 16 }, { role: 'number' }),
      ],
    };
    const { items, footer, number } = slideItems(data);
    expect(footer?.paragraphs[0].runs.map((r) => r.text)).toEqual(['短标题', '  |  ', '二']);
    expect(items.some((i) => i.kind === 'shape')).toBe(false);
    expect(number?.box).toMatchObject({ x: 1136, w: 80 });
    // One line: the same top as the footer, moved down by its half-leading (written with single spacing).
    expect(number?.box.y).toBe(footer?.box.y);
    expect(footer?.box.y).toBeCloseTo(680 + (40 - 28 * 1.25) / 2);
    expect(number?.paragraphs[0].align).toBe('right');
    expect(footer!.box.x + footer!.box.w).toBeLessThanOrEqual(number!.box.x);
  });
});
