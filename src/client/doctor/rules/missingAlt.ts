// A picture without alt text, as PowerPoint's accessibility checker has it: a
// screen reader and the tagged PDF (src/client/print/access.ts) have nothing
// to say for it. A decorative picture says so (alt="" with role="presentation"
// or aria-hidden) and is left alone.
import { lineOf, type Rule } from '../context.ts';

/** The picture's file name, without the build's folder and content-hash prefix (assets/157d9868-cards.svg → cards.svg). */
export function fileName(src: string): string {
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

export const missingAlt: Rule = (ctx) =>
  Array.from(ctx.section.querySelectorAll('img'))
    .filter((img) => !img.closest('aside.notes, [aria-hidden="true"]') && img.getAttribute('role') !== 'presentation')
    .filter((img) => (img.getAttribute('alt') ?? '').trim() === '')
    .map((img) => ({
      level: 'warning' as const,
      message: `image without alt text: ${fileName(img.getAttribute('src') ?? '')} (write what it shows: ![说明](…); a screen reader and the PDF read it)`,
      line: lineOf(img, ctx),
    }));
