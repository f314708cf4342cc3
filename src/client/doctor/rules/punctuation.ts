// ASCII punctuation between Chinese characters, with the fix: `1900年, 美国`
// → `1900年，美国`. A regular expression over each text block is enough here;
// zhlint (the maintained Chinese-text linter) rewrites Markdown sources with a
// parser of its own, which the page has no use for. At most three a slide.
import { CJK, lineOf, textBlocks, type Rule } from '../context.ts';

/** Full-width forms of the ASCII marks that Chinese text sets full-width. */
export const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };
/** An ASCII mark with a Chinese character on each side (spaces around it allowed). */
const ASCII_BETWEEN_CJK = new RegExp(`[${CJK}][ \\u00a0]*[,:;()!?][ \\u00a0]*(?=[${CJK}])`, 'g');

/** Each ASCII mark between Chinese characters, in a few characters of context, and that context fixed. */
export function asciiPunctuation(text: string): { found: string; fixed: string }[] {
  return Array.from(text.matchAll(ASCII_BETWEEN_CJK), (m) => {
    const start = Math.max(0, m.index - 6);
    const end = Math.min(text.length, m.index + m[0].length + 6);
    const found = text.slice(start, end);
    const fix = m[0].replace(/[ \u00a0]*([,:;()!?])[ \u00a0]*/, (_, mark: string) => FULL_WIDTH[mark]);
    return { found, fixed: text.slice(start, m.index) + fix + text.slice(m.index + m[0].length, end) };
  });
}

export const punctuation: Rule = (ctx) =>
  textBlocks(ctx.section)
    .flatMap(({ el, text }) => asciiPunctuation(text.replace(/\s*\n\s*/g, ' ')).map((f) => ({ ...f, line: lineOf(el, ctx) })))
    .slice(0, 3)
    .map(({ found, fixed, line }) => ({
      level: 'warning' as const,
      message: `ASCII punctuation between Chinese characters: «${found}» → «${fixed}»`,
      line,
    }));
