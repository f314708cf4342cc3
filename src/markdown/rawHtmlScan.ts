// Finds raw HTML that would swallow what follows it: an element whose content
// the browser reads as text up to its own end tag (script, style, title,
// textarea, xmp, iframe, noscript, noembed, noframes, plaintext), a comment,
// a template, or a tag left open, that does not end within the HTML given.
// Uses parse5's tokenizer — the WHATWG state machine browsers run — switching
// it into the raw-text states as the HTML tree builder does. Pure.
import { Tokenizer, TokenizerMode, ErrorCodes, type TokenHandler, type Token } from 'parse5';

/** A piece of raw HTML and the 0-based source line it starts on. */
export interface HtmlFragment {
  text: string;
  line: number;
}

export interface UnclosedHtml {
  /** 0-based source line where it opens. */
  line: number;
  /** `<script>`, `<!--`, … */
  what: string;
  /** What ends it. */
  close: string;
}

type Mode = (typeof TokenizerMode)[keyof typeof TokenizerMode];

/** Elements whose content is text up to their end tag, and the tokenizer state for it. */
const TEXT_ELEMENTS: Record<string, Mode> = {
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  // Scripting is on in the deck's browser: noscript's content is raw text.
  noscript: TokenizerMode.RAWTEXT,
  script: TokenizerMode.SCRIPT_DATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** The fragments as one text whose lines are the source lines (1-based line n of the text = source line n-1). */
function joinAtLines(fragments: readonly HtmlFragment[]): string {
  let text = '';
  let line = 0;
  for (const f of fragments) {
    if (f.line > line) {
      text += '\n'.repeat(f.line - line);
      line = f.line;
    }
    text += f.text;
    line += f.text.split('\n').length - 1;
  }
  return text;
}

/** A start tag as the browser reads it: its name, attributes and 0-based source line. */
export interface StartTag {
  name: string;
  attrs: { name: string; value: string }[];
  line: number;
}

/**
 * The first raw HTML construct in `fragments` that is not closed by their end,
 * or undefined; `onTag` sees every start tag on the way.
 */
export function findUnclosedHtml(fragments: readonly HtmlFragment[], onTag?: (tag: StartTag) => void): UnclosedHtml | undefined {
  if (fragments.length === 0) return undefined;
  let open: UnclosedHtml | undefined;
  const templates: number[] = [];
  let found: UnclosedHtml | undefined;
  let commentAtEof = false;
  let tagAtEof = false;
  const line0 = (loc: Token.Location | null | undefined) => Math.max(0, (loc?.startLine ?? 1) - 1);
  const handler: TokenHandler = {
    onStartTag(token) {
      const name = token.tagName;
      onTag?.({ name, attrs: token.attrs.map((a) => ({ name: a.name, value: a.value })), line: line0(token.location) });
      if (name === 'template') templates.push(line0(token.location));
      const mode = TEXT_ELEMENTS[name];
      if (mode !== undefined) {
        tokenizer.state = mode;
        open = {
          line: line0(token.location),
          what: `<${name}>`,
          close: name === 'plaintext' ? 'nothing (it cannot be closed: remove it)' : `</${name}>`,
        };
      }
    },
    onEndTag(token) {
      if (token.tagName === 'template') templates.pop();
      if (open && open.what === `<${token.tagName}>`) open = undefined;
    },
    onComment(token) {
      if (commentAtEof && !found) found = { line: line0(token.location), what: '<!--', close: '-->' };
    },
    onParseError(error) {
      if (error.code === ErrorCodes.eofInComment) commentAtEof = true;
      if (error.code === ErrorCodes.eofInTag) tagAtEof = true;
    },
    onDoctype() {},
    onEof() {},
    onCharacter() {},
    onNullCharacter() {},
    onWhitespaceCharacter() {},
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  // The tag being read when the text ended (protected in parse5's types).
  const current = () => (tokenizer as unknown as { currentToken: Token.Token | null }).currentToken;
  tokenizer.write(joinAtLines(fragments), false);
  const pending = current();
  tokenizer.write('', true);
  if (found) return found;
  if (open) return open;
  if (tagAtEof) {
    const name = pending && 'tagName' in pending ? pending.tagName : '';
    return { line: line0(pending?.location), what: name ? `<${name}` : 'a tag', close: '> (a quote or the closing > is missing)' };
  }
  if (templates.length > 0) return { line: templates[templates.length - 1], what: '<template>', close: '</template>' };
  return undefined;
}
