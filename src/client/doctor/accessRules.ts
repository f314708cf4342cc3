// The deck doctor's accessibility rules, as PowerPoint's accessibility checker
// has them: a picture without alt text, a slide without a title. Both leave a
// screen reader and the tagged PDF (src/client/print/access.ts) with nothing to
// say: the alt text becomes the PDF figure's, the title its heading and bookmark.
import { lineOf, type Finding, type SlideContext } from './rules.ts';

/** The picture's file name, without the build's folder and content-hash prefix (assets/157d9868-cards.svg → cards.svg). */
function fileName(src: string): string {
  if (src.startsWith('data:')) return 'an inline data: image';
  const last = src.split(/[?#]/)[0].split('/').pop() ?? src;
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    /* shown as written */
  }
  return name.replace(/^[0-9a-f]{8}-/, '');
}

/** Pictures the audience sees, without alt text (a decorative one says so with alt="" plus role="presentation" or aria-hidden). */
export function missingAlt(ctx: SlideContext): Finding[] {
  return Array.from(ctx.section.querySelectorAll('img'))
    .filter((img) => !img.closest('aside.notes, [aria-hidden="true"]') && img.getAttribute('role') !== 'presentation')
    .filter((img) => (img.getAttribute('alt') ?? '').trim() === '')
    .map((img) => ({
      level: 'warning' as const,
      message: `image without alt text: ${fileName(img.getAttribute('src') ?? '')} (write what it shows: ![说明](…); a screen reader and the PDF read it)`,
      line: lineOf(img, ctx),
    }));
}

/** A slide whose laid-out page has no heading (notes and nested slides aside). */
export function missingTitle(ctx: SlideContext): Finding[] {
  const headings = Array.from(ctx.section.querySelectorAll('h1, h2, h3')).filter(
    (h) => !h.closest('aside.notes, section section, .slide-footer') && (h.textContent ?? '').trim() !== '',
  );
  if (headings.length > 0) return [];
  return [
    {
      level: 'warning',
      message: 'slide without a title: give it a heading (## 标题); bookmarks, a screen reader and the tagged PDF name a slide by it',
    },
  ];
}

export const ACCESS_RULES = [missingAlt, missingTitle];
