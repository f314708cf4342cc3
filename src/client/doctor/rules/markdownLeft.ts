// Markdown left in the slide's text: ** or __ that did not become bold, a #
// heading or ::: container not taken as one, a link or code fence written out.
// Said with an excerpt of its own text block; text outside any block (the
// author's own HTML) is judged on the slide's text as a whole.
import { lineOf, slideText, snippet, textBlocks, type Finding, type Rule } from '../context.ts';

const MARKDOWN_LEFT = /\*\*|__|(^|\n)[ \t]*#{1,6}[ \t]|(^|\n)[ \t]*:::|\]\(|(^|\n)[ \t]*```/;

export const markdownLeft: Rule = (ctx) => {
  const out: Finding[] = [];
  const blocks = textBlocks(ctx.section);
  for (const { el, text } of blocks) {
    const md = MARKDOWN_LEFT.exec(text);
    if (md) out.push({ level: 'error', message: `Markdown left in the slide's text: «${snippet(text, md.index)}»`, line: lineOf(el, ctx) });
  }
  if (blocks.length === 0) {
    const text = slideText(ctx.section);
    const md = MARKDOWN_LEFT.exec(text);
    if (md) out.push({ level: 'error', message: `Markdown left in the slide's text: «${snippet(text, md.index)}»` });
  }
  return out;
};
