// Block rule: a line `---` alone starts a new slide, `--` alone a vertical one.
// Also keeps `text\n---` from turning into a setext heading, so a separator
// right under a paragraph still separates (Marp requires a blank line there).
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';

export const SLIDE_BREAK = 'slide_break';
const SEPARATOR = /^ {0,3}(---?)[ \t]*$/;

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line], state.eMarks[line]);
}

export function slideBreakPlugin(md: MarkdownIt): void {
  md.block.ruler.before(
    'hr',
    SLIDE_BREAK,
    (state, startLine, _endLine, silent) => {
      if (state.sCount[startLine] - state.blkIndent >= 4) return false;
      const m = SEPARATOR.exec(lineText(state, startLine));
      if (!m) return false;
      if (silent) return true;
      const token = state.push(SLIDE_BREAK, '', 0);
      token.markup = m[1];
      token.map = [startLine, startLine + 1];
      token.meta = { vertical: m[1] === '--' };
      state.line = startLine + 1;
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );

  // Setext headings underlined with dashes would swallow a separator that
  // follows a paragraph directly: refuse them (`===` underlines still work).
  const lheading = md.block.ruler.__rules__.find((r) => r.name === 'lheading')?.fn;
  if (!lheading) return;
  md.block.ruler.at('lheading', (state, startLine, endLine, silent) => {
    const tokens = state.tokens.length;
    const line = state.line;
    if (!lheading(state, startLine, endLine, silent)) return false;
    if (silent || state.tokens[tokens]?.markup !== '-') return true;
    state.tokens.length = tokens;
    state.line = line;
    return false;
  });
}
