// The shrink a text box needs so that it fits its room in any receiver's
// fonts. PowerPoint and WPS draw a normAutofit body at the fontScale and
// lnSpcReduction written in the file, and compute their own only once the
// text is edited; so the file carries, per box, the largest font scale at
// which the body fits in the widest of the fallback fonts (lineBreaks.ts:
// DejaVu Sans, Liberation Sans, WenQuanYi Micro Hei, with LibreOffice's room
// between Chinese and Latin letters). A wider font only adds lines where a
// line wraps earlier (line spacing is exact, in points, the same in every
// font), so the scale is found by counting lines; only a body that still
// runs over at the smallest scale gets its line spacing reduced too.
import type { Paragraph } from '../../shared/slideData.ts';
import { FALLBACK_FONTS } from './fallbackWidths.ts';
import { lineCount } from './lineBreaks.ts';

export interface TextFit {
  /** Share of each run's size drawn, 0–1 (PowerPoint's fontScale / 100 000). */
  fontScale: number;
  /** Share taken off the line spacing, 0–1 (lnSpcReduction / 100 000). */
  lnSpcReduction: number;
}

/** Scales tried, largest first: PowerPoint's own steps are 7.5 %; finer keeps the text larger. */
const STEP = 0.025;
const SMALLEST = 0.6;
/** Line-spacing reductions tried once the smallest scale is not enough (PowerPoint's: 10 %, 20 %). */
const REDUCTIONS = [0.1, 0.2];
/**
 * Pixels a body may exceed its room by: the deck's own lines, measured in the
 * page, fill their box to the pixel, and the line heights written (in 1/100
 * pt) differ from it by a rounding; an extra line is 30 px or more.
 */
const ROUNDING = 2;

/** The lines each paragraph takes in the widest fallback font at `scale`, as [space above, lines × line height] in px. */
function heights(paragraphs: Paragraph[], width: number, scale: number): { spacing: number; lines: number } {
  let worst = { spacing: 0, lines: 0 };
  for (const font of FALLBACK_FONTS) {
    let spacing = 0;
    let lines = 0;
    for (const p of paragraphs) {
      spacing += p.spaceBefore;
      lines += lineCount(p.runs, Math.max(1, width - p.indent), font, scale) * p.lineHeight;
    }
    if (spacing + lines > worst.spacing + worst.lines) worst = { spacing, lines };
  }
  return worst;
}

/**
 * The fit of a body of `paragraphs` in a box `width` × `height` px (text
 * from the box's left edge, each paragraph from its indent): 100 % when the
 * widest fallback font fits it as it is.
 */
export function fitText(paragraphs: Paragraph[], width: number, height: number): TextFit {
  const room = height + ROUNDING;
  for (let scale = 1; scale >= SMALLEST - 1e-9; scale -= STEP) {
    const h = heights(paragraphs, width, scale);
    if (h.spacing + h.lines <= room) return { fontScale: Math.round(scale * 1000) / 1000, lnSpcReduction: 0 };
  }
  const h = heights(paragraphs, width, SMALLEST);
  const reduction = REDUCTIONS.find((r) => h.spacing + h.lines * (1 - r) <= room) ?? REDUCTIONS[REDUCTIONS.length - 1];
  return { fontScale: SMALLEST, lnSpcReduction: reduction };
}

/** The fit as normAutofit writes it (percent × 1000): a bare element at 100 %. */
export function normAutofit(fit: TextFit): string {
  const attrs = [
    fit.fontScale < 1 ? ` fontScale="${Math.round(fit.fontScale * 100000)}"` : '',
    fit.lnSpcReduction > 0 ? ` lnSpcReduction="${Math.round(fit.lnSpcReduction * 100000)}"` : '',
  ].join('');
  return `<a:normAutofit${attrs}/>`;
}
