// A rule of the deck doctor that needs Node: characters on the slides that
// the bundled font cannot draw (emoji, right-to-left scripts …). At the venue
// they would fall back to whatever font the PC has, or to boxes. `check`,
// `export` and `dev` each run it beside the page's rules
// (src/client/doctor/), so the three say the same.
import type { Deck } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';
import { fileCodePoints } from './cmap.ts';
import { fontSourcePath } from './source.ts';

let covered: Set<number> | undefined;

/** The characters the bundled font draws (read once a process, from its cmap alone). */
function fontCoverage(): Set<number> {
  covered ??= fileCodePoints(fontSourcePath(400));
  return covered;
}

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
    for (const ch of visibleText(slide.html)) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp > 0x20 && cp !== 0x7f && !cover.has(cp)) missing.add(ch);
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
