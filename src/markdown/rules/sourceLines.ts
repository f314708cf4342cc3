// Core rule: every block element carries the line of the source file it
// starts on (data-line, 1-based), so what the deck doctor finds in the page
// (an overflowing list, a dead link) is reported at its own line, not at the
// slide's first one.
import type { MarkdownIt } from 'markdown-it';

export function sourceLinesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('iur_source_lines', (state) => {
    for (const token of state.tokens) {
      if (token.block && token.nesting === 1 && token.map && token.attrGet('data-line') === null) {
        token.attrSet('data-line', String(token.map[0] + 1));
      }
    }
  });
}
