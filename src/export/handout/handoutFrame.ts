// The handout's "frame": every A4 page as HTML — header (short title, date),
// footer 「第 N 页 / 共 M 页」, a thin border where each slide will sit, its
// number and title, and ruled lines or its notes — for Chromium to print.
// The slides themselves are placed into the printed frame afterwards
// (handout.ts), as vector pages, at the same boxes (handoutLayout.ts).
import type { Deck } from '../../deck/model.ts';
import { escapeHtml } from '../../render/slidesHtml.ts';
import { FONT_STACK } from '../../font/css.ts';
import { A4, handoutPages, type Box, type HandoutLayout } from './handoutLayout.ts';

export interface FrameContent {
  /** The header's left and right text. */
  title: string;
  date: string;
  /** Per handout page, the 0-based deck slides on it. */
  pages: number[][];
}

export function frameContent(deck: Deck, slides: number[], perPage: HandoutLayout['perPage']): FrameContent {
  return {
    title: deck.meta.short ?? deck.meta.title,
    date: deck.meta.date ?? '',
    pages: handoutPages(slides.length, perPage).map((page) => page.map((i) => slides[i])),
  };
}

export function pageLabel(n: number, total: number): string {
  return `第 ${n} 页 / 共 ${total} 页`;
}

export function captionOf(deck: Deck, slide: number): string {
  // A title page filled from the front matter has no heading of its own: the deck's title is its title.
  const own = deck.slides[slide].title.trim();
  const title = own || (deck.slides[slide].layout === 'title' ? deck.meta.title.trim() : '');
  return title ? `${slide + 1}\u3000${title}` : String(slide + 1);
}

const pt = (n: number) => `${n.toFixed(2)}pt`;
const place = (b: Box) => `left:${pt(b.x)};top:${pt(b.y)};width:${pt(b.width)};height:${pt(b.height)}`;

function lines(box: Box, gap: number): string {
  const out: string[] = [];
  for (let y = box.y + gap; y <= box.y + box.height + 0.01; y += gap) {
    out.push(`<div class="rule" aria-hidden="true" style="left:${pt(box.x)};top:${pt(y)};width:${pt(box.width)}"></div>`);
  }
  return out.join('');
}

/** Every character the frame prints (for its font subset). */
export function frameText(deck: Deck, content: FrameContent): string {
  const notes = content.pages.flat().map((i) => deck.slides[i].notes.replace(/<[^>]+>/g, ' '));
  const captions = content.pages.flat().map((i) => captionOf(deck, i));
  return [content.title, content.date, pageLabel(0, 0), '0123456789', ...captions, ...notes].join('\n');
}

/** The whole frame document; `fontCss` holds the @font-face rules of the bundled font. */
export function frameHtml(deck: Deck, content: FrameContent, layout: HandoutLayout, fontCss: string): string {
  const total = content.pages.length;
  const pages = content.pages.map((slides, p) => {
    const parts: string[] = [
      // Running header and footer: artifacts in the tagged PDF, outside the reading order.
      `<header aria-hidden="true" style="${place(layout.header)}"><span>${escapeHtml(content.title)}</span><span>${escapeHtml(content.date)}</span></header>`,
      `<footer aria-hidden="true" style="${place(layout.footer)}">${escapeHtml(pageLabel(p + 1, total))}</footer>`,
    ];
    slides.forEach((slide, k) => {
      const slot = layout.slots[k];
      // The caption, then the slide's box: an Art element in the tagged PDF, into which the slide's own structure is grafted (src/export/handout/handoutTags.ts).
      parts.push(`<div class="caption" style="${place(slot.caption)}">${escapeHtml(captionOf(deck, slide))}</div>`);
      parts.push(`<div class="slide" role="article" style="${place(slot.slide)}"></div>`);
      if (!slot.writing) return;
      if (layout.notes) {
        const notes = deck.slides[slide].notes;
        if (notes) parts.push(`<div class="notes" data-slide="${slide + 1}" style="${place(slot.writing)}">${notes}</div>`);
      } else {
        parts.push(lines(slot.writing, layout.lineGap));
      }
    });
    return `<section class="page">${parts.join('\n')}</section>`;
  });
  return `<!doctype html>
<html lang="${escapeHtml(deck.meta.lang)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(deck.meta.title)}</title>
<style>
${fontCss}
@page { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONT_STACK}; color: #222; }
.page { position: relative; width: ${pt(A4.width)}; height: ${pt(A4.height)}; overflow: hidden; break-after: page; }
.page:last-child { break-after: auto; }
.page > * { position: absolute; margin: 0; }
header { display: flex; justify-content: space-between; align-items: flex-end; padding-bottom: 5pt; border-bottom: 0.6pt solid #9a9a9a; font-size: 9pt; color: #555; }
footer { display: flex; justify-content: center; align-items: flex-start; padding-top: 6pt; border-top: 0.6pt solid #9a9a9a; font-size: 9pt; color: #555; }
.slide { outline: 0.6pt solid #9a9a9a; }
.caption { font-size: 8pt; line-height: 1.3; color: #666; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.rule { height: 0; border-top: 0.5pt solid #b8b8b8; }
.notes { font-size: 9pt; line-height: 1.5; overflow: hidden; color: #222; }
.notes p { margin: 0 0 0.4em; }
.notes ul, .notes ol { margin: 0 0 0.4em; padding-left: 1.3em; }
</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>`;
}

/**
 * Runs in the frame page: shrinks each notes box's text until it fits (down
 * to 6 pt) and returns the slide numbers whose notes still do not fit.
 */
export function fitNotes(): number[] {
  const overflowing: number[] = [];
  for (const box of Array.from(document.querySelectorAll<HTMLElement>('.notes'))) {
    for (let size = 9; size > 6 && box.scrollHeight > box.clientHeight + 1; size -= 0.5) box.style.fontSize = `${size - 0.5}pt`;
    if (box.scrollHeight > box.clientHeight + 1) overflowing.push(Number(box.dataset.slide));
  }
  return overflowing;
}
