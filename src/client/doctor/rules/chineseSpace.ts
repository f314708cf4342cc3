// A space between two Chinese characters: Chinese text sets no spaces, so an
// ASCII (or no-break) space there is usually a slip. A warning, not an error:
// a gap is sometimes meant (between a name and a title), and then it is a
// full-width space, U+3000, as the talk's cover writes between 于良 and 研究员.
// The message says both. Soft line breaks never make such spaces
// (markdown-it-cjk-breaks).
import { CJK, lineOf, snippet, textBlocks, type Rule } from '../context.ts';

const CJK_SPACE = new RegExp(`[${CJK}][ \\u00a0]+[${CJK}]`);

export const chineseSpace: Rule = (ctx) =>
  textBlocks(ctx.section).flatMap(({ el, text }) => {
    const space = CJK_SPACE.exec(text);
    if (!space) return [];
    return [
      {
        level: 'warning' as const,
        message: `space between two Chinese characters: «${snippet(text, space.index)}» (delete it, or where a gap is meant write a full-width space, U+3000 「\u3000」, as the cover does)`,
        line: lineOf(el, ctx),
      },
    ];
  });
