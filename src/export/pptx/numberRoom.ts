// Room for a list's auto-numbers in any receiver's font. The deck sets a
// number right-aligned before its text ("10." starts left of "9."); PowerPoint
// sets it left-aligned at the bullet's place and, when it is wider than the
// room before the text, pushes the text to the next tab stop or lets the two
// touch. So where the widest number of a list, in the widest fallback font
// (bold where the deck's numbers are), with a little space after it, needs
// more room than the hanging indent has, the numbers start further left; and
// where that is left of the text box, the box starts further left by as
// much, its text staying where it was.
import type { Box, Paragraph, TextItem } from '../../shared/slideData.ts';
import { advance, FALLBACK_FONTS } from './fallbackWidths.ts';

/** Space kept between a number and its text, em. */
const GAP = 0.3;

/** The highest number each numbered paragraph can show: its own start, or one more than the numbered paragraphs before it. */
function highestNumber(paragraphs: Paragraph[]): number {
  let highest = 0;
  let count = 0;
  for (const p of paragraphs) {
    if (p.bullet?.kind !== 'number') continue;
    count = p.bullet.explicitStart ? p.bullet.start : count + 1;
    highest = Math.max(highest, count);
  }
  return highest;
}

/** Width of a number label ("10.") at `size` px in the widest fallback font. */
export function labelWidth(label: string, size: number, bold: boolean): number {
  return Math.max(...FALLBACK_FONTS.map((font) => Array.from(label).reduce((w, c) => w + advance(font, c, bold), 0))) * size;
}

/** The item and its box with room for its numbers: unchanged when they fit. */
export function roomForNumbers(item: TextItem, room: Box): { item: TextItem; room: Box } {
  const highest = highestNumber(item.paragraphs);
  if (highest === 0) return { item, room };
  const label = `${highest}.`;
  let shift = 0;
  const paragraphs = item.paragraphs.map((p) => {
    if (p.bullet?.kind !== 'number') return p;
    const size = Math.max(...p.runs.map((r) => r.size), 1);
    const needed = labelWidth(label, size, p.bullet.bold) + GAP * size;
    const bulletAt = Math.min(p.bulletAt, p.indent - needed);
    shift = Math.max(shift, -bulletAt);
    return { ...p, bulletAt };
  });
  // Never past the slide's left edge.
  shift = Math.min(shift, Math.max(0, room.x));
  if (shift <= 0 && paragraphs.every((p, i) => p.bulletAt === item.paragraphs[i].bulletAt)) return { item, room };
  const moved = paragraphs.map((p) => (shift > 0 ? { ...p, indent: p.indent + shift, bulletAt: Math.max(0, p.bulletAt + shift) } : p));
  return {
    item: { ...item, paragraphs: moved },
    room: shift > 0 ? { ...room, x: room.x - shift, w: room.w + shift } : room,
  };
}
