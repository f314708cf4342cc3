// A slide without a title, as PowerPoint's accessibility checker has it: its
// laid-out page has no heading (notes and nested slides aside), so bookmarks,
// a screen reader and the tagged PDF cannot name it.
import type { Rule } from '../context.ts';

export const missingTitle: Rule = (ctx) => {
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
};
