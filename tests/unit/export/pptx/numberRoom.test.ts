// Room for a list's auto-numbers in the widest fallback font: a list whose
// "10." does not fit its hanging indent gets its numbers further left, and
// its box widened to the left by as much, the text staying where it was.
import { describe, expect, it } from 'vitest';
import type { Paragraph, TextItem } from '../../../../src/shared/slideData.ts';
import { labelWidth, roomForNumbers } from '../../../../src/export/pptx/numberRoom.ts';

const colour = { hex: '000000', alpha: 1 };
const item = (count: number, indent: number, kind: 'number' | 'char' = 'number'): TextItem => ({
  kind: 'text',
  tag: 'ol',
  box: { x: 100, y: 100, w: 600, h: 400 },
  paragraphs: Array.from({ length: count }, (_, i): Paragraph => ({
    runs: [{ text: `第${i + 1}项`, size: 24, bold: false, italic: false, underline: false, colour }],
    align: 'left',
    lineHeight: 36,
    spaceBefore: 0,
    indent,
    bulletAt: 0,
    level: 0,
    bullet: { kind, char: '■', start: 1, bold: true, colour, size: 100 },
  })),
});

describe('labelWidth', () => {
  it('is the widest of the fallback fonts: DejaVu Sans bold for digits', () => {
    // DejaVu Sans Bold: digits 696, full stop 380 thousandths of an em.
    expect(labelWidth('10.', 24, true)).toBeCloseTo(((696 * 2 + 380) / 1000) * 24, 5);
  });
});

describe('roomForNumbers', () => {
  const room = { x: 100, y: 100, w: 600, h: 400 };

  it('leaves a list whose numbers fit its indent, and a list without numbers, as they are', () => {
    const roomy = item(10, 60);
    expect(roomForNumbers(roomy, room)).toEqual({ item: roomy, room });
    const bullets = item(10, 10, 'char');
    expect(roomForNumbers(bullets, room)).toEqual({ item: bullets, room });
  });

  it('moves the numbers of a ten-item list left of the box, and the box with them, the text where it was', () => {
    const tight = item(10, 30);
    const needed = labelWidth('10.', 24, true) + 0.3 * 24;
    const placed = roomForNumbers(tight, room);
    const shift = needed - 30;
    expect(placed.room.x).toBeCloseTo(room.x - shift, 5);
    expect(placed.room.w).toBeCloseTo(room.w + shift, 5);
    for (const p of placed.item.paragraphs) {
      expect(placed.room.x + p.indent).toBeCloseTo(room.x + 30, 5);
      expect(p.indent - p.bulletAt).toBeCloseTo(needed, 5);
    }
  });

  it('never past the slide’s left edge', () => {
    const placed = roomForNumbers(item(10, 5), { ...room, x: 10 });
    expect(placed.room.x).toBe(0);
  });
});
