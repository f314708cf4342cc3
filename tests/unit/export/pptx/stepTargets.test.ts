// Which written shapes each fragment step shows (src/export/pptx/stepTargets.ts):
// a text body whole when all its paragraphs come in at one step, by paragraph
// otherwise; pictures and a card's boxes whole; a line per step for the notes.
import { describe, expect, it } from 'vitest';
import type { Paragraph, PictureItem, ShapeItem, TextItem } from '../../../../src/shared/slideData.ts';
import { stepTargets } from '../../../../src/export/pptx/stepTargets.ts';

const box = { x: 0, y: 0, w: 100, h: 40 };
const colour = { hex: '000000', alpha: 1 };
const para = (text: string, step?: number): Paragraph => ({
  runs: [{ text, size: 24, bold: false, italic: false, underline: false, colour }],
  align: 'left',
  lineHeight: 36,
  spaceBefore: 0,
  indent: 0,
  bulletAt: 0,
  level: 0,
  step,
});
const text = (paragraphs: Paragraph[]): TextItem => ({ kind: 'text', box, tag: 'ul', paragraphs });
const fade = { effect: 'fade' as const, duration: 200 };

describe('stepTargets', () => {
  it('shows a list stepped item by item paragraph by paragraph, and says what each step shows', () => {
    const list = text([para('先说一句'), para('第一条', 0), para('第二条', 1)]);
    const { steps, notes } = stepTargets([{ item: list, name: 'ul 3' }], [fade, fade]);
    expect(steps.map((s) => s.targets)).toEqual([
      [{ name: 'ul 3', kind: 'text', paragraphs: [1] }],
      [{ name: 'ul 3', kind: 'text', paragraphs: [2] }],
    ]);
    expect(notes).toEqual(['第 1 步：第一条', '第 2 步：第二条']);
  });

  it('shows a card whole: its box, its text and its icon on one step', () => {
    const card: ShapeItem = { kind: 'shape', box, fill: colour, radius: 0, tag: 'li', step: 0 };
    const icon: PictureItem = { kind: 'picture', box, clip: box, svg: '<svg/>', alt: '图标：目标', role: 'icon', step: 0 };
    const words = text([para('目标', 0), para('说明', 0)]);
    const { steps, notes } = stepTargets(
      [
        { item: card, name: 'li 1' },
        { item: words, name: 'h3+ 2' },
        { item: icon, name: 'picture 3' },
      ],
      [{ effect: 'appear', duration: 0 }],
    );
    expect(steps).toEqual([
      {
        effect: 'appear',
        duration: 0,
        targets: [
          { name: 'li 1', kind: 'shape' },
          { name: 'h3+ 2', kind: 'text' },
          { name: 'picture 3', kind: 'picture' },
        ],
      },
    ]);
    // The icon goes without saying: the card's words name it.
    expect(notes).toEqual(['第 1 步：目标 说明']);
  });

  it('names a picture by its description, and leaves out a step that shows nothing written', () => {
    const picture: PictureItem = { kind: 'picture', box, clip: box, svg: '', alt: '机房照片', role: 'image', step: 1 };
    const { steps, notes } = stepTargets([{ item: picture, name: 'picture 1' }], [fade, fade]);
    expect(steps.length).toBe(1);
    expect(notes).toEqual(['第 1 步：图片：机房照片']);
  });

  it('cuts a long step short in the notes', () => {
    const long = '很长的一段文字'.repeat(20);
    const { notes } = stepTargets([{ item: text([para(long, 0)]), name: 'p 1' }], [fade]);
    expect(Array.from(notes[0]).length).toBeLessThanOrEqual('第 1 步：'.length + 60);
    expect(notes[0].endsWith('…')).toBe(true);
  });
});
