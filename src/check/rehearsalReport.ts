// `npm run check`'s report on the last rehearsal (slides/rehearsal.json, on
// the slides as Slide.timing): the rehearsed total against the front
// matter's duration and the five slowest slides, as plain lines.
import type { Deck } from '../deck/model.ts';
import { clockText } from '../shared/pageWords.ts';

export function rehearsalReport(deck: Deck, slowest = 5): string[] {
  const timed = deck.slides.filter((s) => s.timing !== undefined);
  if (timed.length === 0) return [];
  const total = timed.reduce((sum, s) => sum + (s.timing ?? 0), 0);
  const planned = deck.meta.duration ? deck.meta.duration * 60 : undefined;
  const against =
    planned === undefined
      ? ' (no duration in the front matter)'
      : ` of ${clockText(planned)} planned (${total > planned ? `${clockText(total - planned)} over` : `${clockText(planned - total)} to spare`})`;
  const untimed = deck.slides.length - timed.length;
  const lines = [
    `rehearsal: ${clockText(total)} rehearsed${against}; ${timed.length} of ${deck.slides.length} slides timed` +
      (untimed > 0 ? ` (${untimed} new or renamed since)` : ''),
    `rehearsal: the ${Math.min(slowest, timed.length)} slowest slides:`,
  ];
  const top = [...timed].sort((a, b) => (b.timing ?? 0) - (a.timing ?? 0) || a.index - b.index).slice(0, slowest);
  const width = Math.max(...top.map((s) => `${s.pos.file}:${s.pos.line}`.length));
  for (const s of top)
    lines.push(
      `  ${`${s.pos.file}:${s.pos.line}`.padEnd(width)}  ${clockText(s.timing ?? 0).padStart(5)}  ${s.title || `(slide ${s.index + 1})`}`,
    );
  return lines;
}
