// A space between two Chinese characters: Chinese text sets no spaces, so an
// ASCII (or no-break) space there is usually a slip. A warning, not an error:
// a gap is sometimes meant (between a name and a title), and then it is a
// full-width space, U+3000, as the talk's cover writes between 于良 and 研究员.
// The message says both. Soft line breaks never make such spaces
// (markdown-it-cjk-breaks). The check is src/shared/textChecks.ts, which the
// language server runs on the source; here it runs on each text block as laid
// out, the first such space of a block.
import { chineseSpaceMessage, chineseSpaces } from '../../../shared/textChecks.ts';
import { lineOf, textBlocks, type Rule } from '../context.ts';

export const chineseSpace: Rule = (ctx) =>
  textBlocks(ctx.section).flatMap(({ el, text }) => {
    const [space] = chineseSpaces(text);
    return space ? [{ level: 'warning' as const, message: chineseSpaceMessage(space), line: lineOf(el, ctx) }] : [];
  });
