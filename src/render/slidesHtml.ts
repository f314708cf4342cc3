// Renders the Deck model as reveal.js markup: one <section> per slide (nested
// for vertical stacks), each carrying its source file and line, its footer and
// its speaker notes. The deck's first `::: title` page, when it holds only its
// heading (or nothing), is filled from the front matter (later title pages,
// covers of a section say, stay as written).
import type { Deck, DeckMeta, Slide } from '../deck/model.ts';
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

const BARE_TITLE = /^(<div\b[^>]*\bclass="layout-title"[^>]*>)\s*(<h1\b[^>]*>[\s\S]*?<\/h1>)?\s*<\/div>\s*$/;

/**
 * The title page's HTML: as written, or, when `::: title` holds no more than
 * its heading, that heading (else the deck's title) followed by the front
 * matter's subtitle, organisation, author and date, each present one a line.
 */
export function titlePageHtml(html: string, meta: DeckMeta): string {
  const bare = BARE_TITLE.exec(html);
  if (!bare) return html;
  // Each filled line carries its front-matter line: what the doctor finds in it is reported there.
  const at = (key: keyof DeckMeta) => (meta.lines?.[key] ? ` data-line="${meta.lines[key]}"` : '');
  const heading = bare[2] ?? `<h1${at('title')}>${escapeHtml(meta.title)}</h1>`;
  const lines = [
    meta.subtitle ? `<p class="title-subtitle"${at('subtitle')}>${escapeHtml(meta.subtitle)}</p>` : '',
    ...(['organisation', 'author', 'date'] as const)
      .filter((k) => Boolean(meta[k]))
      .map((k) => `<p class="title-meta"${at(k)}>${escapeHtml(meta[k] ?? '')}</p>`),
  ].filter(Boolean);
  return `${bare[1]}\n${heading}\n${lines.join('\n')}\n</div>\n`;
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
  const cover = slide.layout === 'title' && deck.slides.find((s) => s.layout === 'title') === slide;
  // The front matter's lines hold in the first file: a cover elsewhere is filled without them.
  const meta = slide.pos.file === deck.files[0] ? deck.meta : { ...deck.meta, lines: undefined };
  const html = cover ? titlePageHtml(slide.html, meta) : slide.html;
  return `<section ${attrs.join(' ')}${title}>\n${html}${footer(deck, slide)}${notes}</section>`;
}

export function renderSlidesHtml(deck: Deck): string {
  const ids = slideIds(deck.slides);
  const stacks: Slide[][] = [];
  for (const slide of deck.slides) {
    if (slide.v === 0) stacks.push([slide]);
    else stacks[stacks.length - 1].push(slide);
  }
  return stacks
    .map((stack) =>
      stack.length === 1
        ? section(deck, stack[0], ids[stack[0].index])
        : `<section>\n${stack.map((s) => section(deck, s, ids[s.index])).join('\n')}\n</section>`,
    )
    .join('\n');
}
