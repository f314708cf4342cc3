// A slide with a heading and nothing under it: a slide left unfinished,
// unless it says it is meant so ({.title-only}, .statement, a layout such as a
// divider or the title page).
import { TITLE_ONLY } from '../../../shared/slideClasses.ts';
import { lineOf, type Rule } from '../context.ts';

/** Classes that say a slide is meant to hold only its heading. */
const HEADING_ONLY_OK = [TITLE_ONLY, 'statement'];

export const headingOnly: Rule = (ctx) => {
  const { section } = ctx;
  if (Array.from(section.classList).some((c) => c.startsWith('layout-'))) return [];
  const first = section.firstElementChild;
  if (!first || !/^H[1-6]$/.test(first.tagName)) return [];
  const marks = [...Array.from(section.classList), ...Array.from(first.classList)];
  const comment = Array.from(section.childNodes).some(
    (n) => n.nodeType === Node.COMMENT_NODE && new RegExp(`\\.slide:.*\\b${TITLE_ONLY}\\b`).test((n as Comment).data),
  );
  if (comment || marks.some((c) => HEADING_ONLY_OK.includes(c))) return [];
  const body = Array.from(section.children).filter((el) => el !== first && !el.matches('aside.notes, footer.slide-footer'));
  if (body.length > 0) return [];
  return [
    {
      level: 'warning',
      message:
        'this slide has a heading and nothing else: add its content, make it a divider (::: divider), or mark the heading {.title-only}',
      line: lineOf(first, ctx),
    },
  ];
};
