// A rule of the deck doctor that needs Node: characters on the slides that
// the bundled font cannot draw (emoji, right-to-left scripts …). At the venue
// they would fall back to whatever font the PC has, or to boxes. `check`,
// `export` and `dev` each run it beside the page's rules
// (src/client/doctor/), so the three say the same. Code is drawn by the code
// font first, so there a character either font has will do; a formula is
// KaTeX's, drawn in its own fonts, and left out.
import type { Deck } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';
import { fileCodePoints } from './cmap.ts';
import { fontSourcePath } from './source.ts';
import { monoSourcePath } from './mono.ts';

let covered: Set<number> | undefined;
let monoCovered: Set<number> | undefined;

/** The characters the bundled font draws (read once a process, from its cmap alone). */
function fontCoverage(): Set<number> {
  covered ??= fileCodePoints(fontSourcePath(400));
  return covered;
}

/** The code font's characters and the bundled font's (read once a process). */
function codeCoverage(): Set<number> {
  monoCovered ??= new Set([...fileCodePoints(monoSourcePath()), ...fontCoverage()]);
  return monoCovered;
}

/** `html` without the elements that open with `open` (a tag whose class starts so), nested ones and all. */
export function withoutElements(html: string, open: RegExp): string {
  let out = '';
  let at = 0;
  for (let m = open.exec(html.slice(at)); m; m = open.exec(html.slice(at))) {
    const start = at + m.index;
    const tag = /^<(\w+)/.exec(m[0])?.[1] ?? 'span';
    const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
    tags.lastIndex = start;
    let depth = 0;
    let end = html.length;
    for (let t = tags.exec(html); t; t = tags.exec(html)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    out += `${html.slice(at, start)} `;
    at = end;
  }
  return out + html.slice(at);
}

const FORMULA = /<(?:span|div) class="math\b[^"]*"[^>]*>/;
const CODE = /<pre class="code-block\b[^"]*"[^>]*>/;

function visibleText(html: string): string {
  return html
    .replace(/<pre class="mermaid-source">([\s\S]*?)<\/pre>/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** One error per slide that has characters the bundled font lacks, naming each. */
export function missingGlyphs(deck: Pick<Deck, 'slides'>): Problem[] {
  const cover = fontCoverage();
  const problems: Problem[] = [];
  for (const slide of deck.slides) {
    const missing = new Set<string>();
    const check = (text: string, has: Set<number>) => {
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp > 0x20 && cp !== 0x7f && !has.has(cp)) missing.add(ch);
      }
    };
    const prose = withoutElements(slide.html, FORMULA);
    check(visibleText(withoutElements(prose, CODE)), cover);
    if (CODE.test(prose)) {
      const code = [...prose.matchAll(/<pre class="code-block[\s\S]*?<\/pre>/g)].map((m) => m[0]).join(' ');
      check(visibleText(code), codeCoverage());
    }
    if (missing.size > 0) {
      const list = Array.from(missing).map((c) => `«${c}» U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
      problems.push({
        pos: slide.pos,
        level: 'error',
        message: `the bundled font has no glyph for ${list.join(', ')}: it would show in a system font or as a box`,
      });
    }
  }
  return problems;
}
