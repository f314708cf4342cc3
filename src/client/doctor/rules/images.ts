// A picture that did not load (a broken file, a format the browser cannot
// read). One the parse already reported missing (data-missing) is said once,
// there, with its own message.
import { lineOf, type Rule } from '../context.ts';

export const images: Rule = (ctx) =>
  Array.from(ctx.section.querySelectorAll<HTMLImageElement>('img:not([data-missing])'))
    .filter((img) => img.complete && img.naturalWidth === 0)
    .map((img) => ({ level: 'error' as const, message: `image did not load: ${img.getAttribute('src')}`, line: lineOf(img, ctx) }));
