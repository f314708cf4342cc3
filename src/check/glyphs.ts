// Finds characters on the slides that the bundled font cannot draw (they
// would fall back to whatever font the venue PC has, or to tofu boxes).
import { readFileSync } from 'node:fs';
import type { Deck } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';
import { cmapCodePoints } from '../font/cmap.ts';
import { fontSourcePath } from '../font/source.ts';

let covered: Set<number> | undefined;

function fontCoverage(): Set<number> {
  covered ??= cmapCodePoints(readFileSync(fontSourcePath(400)));
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

export function missingGlyphs(deck: Deck): Problem[] {
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
