// Links inside the deck that lead nowhere: `#/h` or `#/h/v` to a slide the
// deck does not have, `#id` to an anchor no element has.
import { lineOf, type Finding, type Rule } from '../context.ts';

export const links: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const a of Array.from(ctx.section.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))) {
    const href = a.getAttribute('href') ?? '';
    const slide = /^#\/(\d+)(?:\/(\d+))?$/.exec(href);
    if (slide) {
      const count = ctx.slideCount(Number(slide[1]));
      if (count === undefined || Number(slide[2] ?? 0) >= count)
        out.push({ level: 'error', message: `link to a slide that does not exist: ${href}`, line: lineOf(a, ctx) });
    } else if (href.length > 1 && !a.ownerDocument.getElementById(decodeURIComponent(href.slice(1).replace(/^\//, '')))) {
      out.push({ level: 'error', message: `link to an anchor that does not exist: ${href}`, line: lineOf(a, ctx) });
    }
  }
  return out;
};
