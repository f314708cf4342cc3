// Text set in a font other than the bundled one: a theme or the author's HTML
// asked for a family first that the venue PC may not have (no internet, no
// Chinese fonts there), so it would show in whatever that PC picks. Judged by
// the family each element asks for first against the deck's (--deck-font);
// once a slide per family. A family the deck carries itself (its @font-face
// loaded: the code font and KaTeX's, for a deck with code or formulas) is
// bundled too. A family of the deck's own ('IUR …') that the page does not
// carry (inline code in a deck that ships no code font) is on no PC, so the
// browser goes on to the next in the list, and so does the rule. The
// characters the bundled font lacks are another rule's (src/font/glyphs.ts).
import { describe, elementsOf, lineOf, ownsText, visible, type Finding, type Rule } from '../context.ts';

/** The first family of a CSS font-family list, unquoted. */
export function firstFamily(list: string): string {
  return (list.split(',')[0] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2');
}

/** The deck's own families (src/font/): on no PC, only where the page carries them. */
const OWN_FAMILY = /^IUR /;

/** The family text is set in: the list's first, past the deck's own families the page does not carry. */
export function setFamily(list: string, carried: Set<string>, deck: string): string {
  const families = list.split(',').map((f) => firstFamily(f));
  return families.find((f) => f === deck || carried.has(f) || !OWN_FAMILY.test(f)) ?? families[0] ?? '';
}

/** The families whose faces the page has loaded from its own @font-face rules. */
function carriedFamilies(): Set<string> {
  const families = new Set<string>();
  // (A DOM without a font set, happy-dom's, carries none.)
  if (typeof document.fonts?.forEach !== 'function') return families;
  document.fonts.forEach((face) => {
    if (face.status === 'loaded') families.add(firstFamily(face.family));
  });
  return families;
}

export const deckFont: Rule = (ctx) => {
  const deck = firstFamily(getComputedStyle(ctx.section).getPropertyValue('--deck-font'));
  if (!deck) return [];
  const carried = carriedFamilies();
  const out: Finding[] = [];
  const said = new Set<string>();
  for (const el of elementsOf(ctx.section)) {
    if (el.closest('svg') || !ownsText(el) || !visible(el)) continue;
    const family = setFamily(getComputedStyle(el).fontFamily, carried, deck);
    if (!family || family === deck || carried.has(family) || said.has(family)) continue;
    said.add(family);
    out.push({
      level: 'error',
      message: `${describe(el)} is set in ${family}, not the bundled font ${deck}: the venue PC may not have it (use var(--deck-font))`,
      line: lineOf(el, ctx),
    });
  }
  return out;
};
