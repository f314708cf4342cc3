// Core rule: raw HTML must close within its own slide (and within its notes).
// An unclosed comment, <script>, <title>, <template>… would make the browser
// swallow every slide after it, so the slide count the parse decided would no
// longer be the one shown or exported: it is an error at the line it opens.
// The HTML of each slide's body and notes is read by rawHtmlScan.ts. The same
// reading refuses what would lead the deck into the presenter's computer or
// away from itself: a file: URL in any attribute, a <meta http-equiv=refresh>.
import type { MarkdownIt, Token } from 'markdown-it';
import { envOf, report, type ParseEnv } from '../env.ts';
import { SLIDE_BREAK } from './slideBreak.ts';
import { NOTES_MARKER } from './notes.ts';
import { findUnclosedHtml, type HtmlFragment, type StartTag } from '../rawHtmlScan.ts';

const SEPARATOR_LINE = /^ {0,3}---?[ \t]*$/m;

/** The raw HTML pieces of an inline token, each at its own line. */
function inlineFragments(inline: Token, into: HtmlFragment[]): void {
  let line = inline.map?.[0] ?? 0;
  for (const child of inline.children ?? []) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
    else if (child.type === 'html_inline') {
      into.push({ text: child.content, line });
      line += child.content.split('\n').length - 1;
    }
  }
}

const URL_ATTRIBUTES = new Set([
  'src',
  'href',
  'action',
  'formaction',
  'data',
  'poster',
  'background',
  'cite',
  'longdesc',
  'manifest',
  'xlink:href',
]);

/** Whether an attribute's value leads to a file: URL. */
function fileUrlIn(name: string, value: string): boolean {
  if (URL_ATTRIBUTES.has(name)) return /^\s*file:/i.test(value);
  if (name === 'srcset') return /(^|,)\s*file:/i.test(value);
  if (name === 'style') return /url\(\s*['"]?\s*file:/i.test(value);
  return false;
}

/** A file: URL (the presenter's own disk) in an attribute, or a refresh that moves the page. */
function checkTag(env: ParseEnv, tag: StartTag): void {
  const equiv = tag.attrs
    .find((a) => a.name === 'http-equiv')
    ?.value.trim()
    .toLowerCase();
  if (tag.name === 'meta' && equiv === 'refresh') {
    report(env, tag.line, '<meta http-equiv="refresh"> would move the deck away from itself (a slide is no page of its own): remove it');
    return;
  }
  for (const attr of tag.attrs) {
    if (fileUrlIn(attr.name, attr.value)) {
      report(
        env,
        tag.line,
        `<${tag.name} ${attr.name}="${attr.value.slice(0, 60)}">: a file: URL points into the computer the deck is shown on; put the file into assets/ and link it relatively`,
      );
      return;
    }
  }
}

function check(env: ParseEnv, fragments: HtmlFragment[], where: string): void {
  const open = findUnclosedHtml(fragments, (tag) => checkTag(env, tag));
  if (!open) return;
  report(
    env,
    open.line,
    `${open.what} is not closed in its ${where} (add ${open.close}): the browser would hide everything after it, the rest of the deck included`,
  );
}

export function rawHtmlPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'iur_raw_html', (state) => {
    const env = envOf(state);
    if (!env) return;
    let fragments: HtmlFragment[] = [];
    let where = 'slide';
    const flush = () => {
      check(env, fragments, where);
      fragments = [];
    };
    for (const token of state.tokens) {
      if (token.type === SLIDE_BREAK) {
        flush();
        where = 'slide';
      } else if (token.type === NOTES_MARKER && token.level === 0) {
        flush();
        where = 'speaker notes';
      } else if (token.type === 'html_block') {
        const line = token.map?.[0] ?? 0;
        // markdown-it ends a <script>, <pre>, <style> or comment block only at its end tag: one
        // that closes in a later slide has eaten the separators between.
        const body = token.content.split('\n').slice(1).join('\n');
        if (SEPARATOR_LINE.test(body) && !findUnclosedHtml([{ text: token.content, line }])) {
          const at = token.content.split('\n').findIndex((l, i) => i > 0 && SEPARATOR_LINE.test(l));
          report(env, line, `raw HTML opened here runs past the slide separator at line ${line + at + 1}: close it within its slide`);
        }
        fragments.push({ text: token.content, line });
      } else if (token.type === 'inline') inlineFragments(token, fragments);
    }
    flush();
  });
}
