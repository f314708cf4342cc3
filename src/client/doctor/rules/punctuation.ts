// ASCII punctuation between Chinese characters, with the fix: `1900年, 美国`
// → `1900年，美国`. The check itself is src/shared/textChecks.ts, which the
// language server runs on the source as it is typed; here it runs on each text
// block as laid out. A regular expression is enough; zhlint (the maintained
// Chinese-text linter) rewrites Markdown sources with a parser of its own,
// which the page has no use for. At most three a slide.
import { asciiPunctuation, punctuationMessage } from '../../../shared/textChecks.ts';
import { lineOf, textBlocks, type Rule } from '../context.ts';

export const punctuation: Rule = (ctx) =>
  textBlocks(ctx.section)
    .flatMap(({ el, text }) => asciiPunctuation(text.replace(/\s*\n\s*/g, ' ')).map((f) => ({ f, line: lineOf(el, ctx) })))
    .slice(0, 3)
    .map(({ f, line }) => ({ level: 'warning' as const, message: punctuationMessage(f), line }));
