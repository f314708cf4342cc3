// Renders the Deck model as reveal.js markup: one <section> per slide (nested
// for vertical stacks), each carrying its source file and line, its footer and
// its speaker notes.
import type { Deck, Slide } from '../deck/model.ts';
import { slideIds } from '../rehearsal/slideIds.ts';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function footer(deck: Deck, slide: Slide): string {
  if (slide.layout === 'title') return '';
  const short = deck.meta.short ?? deck.meta.title;
  const marker = deck.parts[slide.part]?.marker ?? '';
  const mark = marker ? `<span class="footer-part" title="${escapeHtml(deck.parts[slide.part].title)}">${escapeHtml(marker)}</span>` : '';
  return `<footer class="slide-footer" aria-hidden="true"><span class="footer-title">${escapeHtml(short)}</span>${mark}</footer>`;
}

function section(deck: Deck, slide: Slide, id: string): string {
  const attrs = [
    `id="slide-${slide.index + 1}"`,
    `data-file="${escapeHtml(slide.pos.file)}"`,
    `data-line="${slide.pos.line}"`,
    `data-part="${slide.part}"`,
    `data-h="${slide.h}"`,
    `data-v="${slide.v}"`,
    // The rehearsal's key, and its time as reveal.js pacing (whole seconds, at least 1).
    `data-slide-id="${escapeHtml(id)}"`,
    ...(slide.timing !== undefined ? [`data-timing="${Math.max(1, Math.round(slide.timing))}"`] : []),
  ];
  const classes = slide.layout ? `layout-${slide.layout}` : '';
  if (classes) attrs.push(`class="${classes}"`);
  const title = slide.title ? ` data-title="${escapeHtml(slide.title)}"` : '';
  const notes = slide.notes ? `<aside class="notes">${slide.notes}</aside>` : '';
  return `<section ${attrs.join(' ')}${title}>\n${slide.html}${footer(deck, slide)}${notes}</section>`;
}

export function renderSlidesHtml(deck: Deck): string {
  const ids = slideIds(deck.slides);
  const stacks: Slide[][] = [];
  for (const slide of deck.slides) {
    if (slide.v === 0) stacks.push([slide]);
    else stacks[stacks.length - 1].push(slide);
  }
  return stacks
    .map((stack) => (stack.length === 1 ? section(deck, stack[0], ids[stack[0].index]) : `<section>\n${stack.map((s) => section(deck, s, ids[s.index])).join('\n')}\n</section>`))
    .join('\n');
}
