// Where things go on an A4 handout page, in PDF points from the page's top
// left: the header, the footer, and per slot the slide, its caption and the
// room for writing (ruled lines) or for its notes. One place for the numbers:
// the frame's HTML (handoutFrame.ts) and the placing of the slides
// (handout.ts) both read them.

import type { HandoutSize } from '../contract.ts';

/** A4 portrait. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HandoutSlot {
  /** The slide, 16:9. */
  slide: Box;
  /** Its number and title, under the slide. */
  caption: Box;
  /** Ruled lines (3-up) or the notes (--notes); none for 6-up without notes. */
  writing: Box | null;
}

export interface HandoutLayout {
  perPage: HandoutSize;
  notes: boolean;
  margin: number;
  header: Box;
  footer: Box;
  slots: HandoutSlot[];
  /** Distance between two ruled lines. */
  lineGap: number;
}

const MARGIN = 42; // ≈ 15 mm
const BAND = 30; // header and footer
const CAPTION = 16;
const ASPECT = 9 / 16;

export function handoutLayout(perPage: HandoutSize, notes: boolean): HandoutLayout {
  const inner = A4.width - 2 * MARGIN;
  const header = { x: MARGIN, y: 26, width: inner, height: BAND };
  const footer = { x: MARGIN, y: A4.height - 26 - BAND, width: inner, height: BAND };
  const top = header.y + header.height + 12;
  const bottom = footer.y - 12;
  const rows = 3;
  const rowHeight = (bottom - top) / rows;
  const slots: HandoutSlot[] = [];
  if (perPage === 3) {
    // Slide on the left, room to write (or the notes) on the right.
    const width = 280;
    const height = width * ASPECT;
    const gap = 22;
    for (let r = 0; r < rows; r++) {
      const y = top + r * rowHeight + (rowHeight - height - CAPTION) / 2;
      slots.push({
        slide: { x: MARGIN, y, width, height },
        caption: { x: MARGIN, y: y + height + 3, width, height: CAPTION - 3 },
        writing: { x: MARGIN + width + gap, y, width: inner - width - gap, height: height + CAPTION },
      });
    }
  } else {
    // Two columns of three; the notes, when asked for, under each slide.
    const gap = 24;
    const width = (inner - gap) / 2;
    const height = width * ASPECT;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < 2; c++) {
        const x = MARGIN + c * (width + gap);
        const y = top + r * rowHeight + (notes ? 4 : (rowHeight - height - CAPTION) / 2);
        const below = y + height + CAPTION;
        slots.push({
          slide: { x, y, width, height },
          caption: { x, y: y + height + 3, width, height: CAPTION - 3 },
          writing: notes ? { x, y: below, width, height: top + (r + 1) * rowHeight - below - 8 } : null,
        });
      }
    }
  }
  return { perPage, notes, margin: MARGIN, header, footer, slots, lineGap: 20 };
}

/** The slides of each handout page: `count` slides, `perPage` at a time. */
export function handoutPages(count: number, perPage: HandoutSize): number[][] {
  const pages: number[][] = [];
  for (let i = 0; i < count; i += perPage) pages.push(Array.from({ length: Math.min(perPage, count - i) }, (_, k) => i + k));
  return pages;
}
