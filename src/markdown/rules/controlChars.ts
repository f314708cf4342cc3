// Core rule: control characters in a slide's text render as what they mean
// in every output. Word's manual line break (\v, pasted with text) becomes a
// line break (<br>), the others are dropped, so the page, the PDF and the
// PowerPoint agree (readSources warns about each at its line).
import type { MarkdownIt, Token } from 'markdown-it';

const VTAB = '\x0B';
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANY = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const OTHERS = /[\x00-\x08\x0C\x0E-\x1F\x7F]/g;

function split(token: Token, make: (type: string, tag: string, nesting: 0) => Token): Token[] {
  const parts = token.content.replace(OTHERS, '').split(VTAB);
  const out: Token[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(make('hardbreak', 'br', 0));
    const text = make('text', '', 0);
    text.content = part;
    out.push(text);
  });
  return out;
}

export function controlCharsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'iur_control_chars', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.children) continue;
      if (!ANY.test(token.content)) continue;
      token.children = token.children.flatMap((child) =>
        child.type === 'text' ? split(child, (type, tag, nesting) => new state.Token(type, tag, nesting)) : [child],
      );
    }
  });
}
