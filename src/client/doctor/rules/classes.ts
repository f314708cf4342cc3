// Unknown classes: a class name that no stylesheet mentions and no code
// handles is likely a typo ({.fragmnet}); said once a slide, at the first
// element that has it, with the closest known name.
import { elementsOf, lineOf, type Rule } from '../context.ts';

/** Classes that reveal.js, Mermaid and the deck's own code set or handle without a stylesheet naming them. */
const IGNORED_CLASS =
  /^(language-|r-|fade-|highlight-|grow|shrink|semi-fade-out|strike|current-visible|custom|visible|present|past|future|stack|has-|mermaid|diagram-|fragment|layout-|footer-|slide-|outline-|code-|math|current$)/;

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

/** The known name closest to `name`, within two edits. */
export function closest(name: string, known: Set<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

export const classes: Rule = (ctx) => {
  // Each unknown class, at the first element that has it.
  const unknown = new Map<string, Element>();
  for (const el of elementsOf(ctx.section)) {
    // KaTeX's markup names what each piece is (mord, mrel …), styled or not.
    if (el.tagName.toLowerCase() === 'svg' || el.closest('.katex')) continue;
    for (const c of Array.from(el.classList)) if (!ctx.knownClasses.has(c) && !IGNORED_CLASS.test(c) && !unknown.has(c)) unknown.set(c, el);
  }
  return Array.from(unknown).map(([c, el]) => {
    const near = closest(c, ctx.knownClasses);
    return {
      level: 'warning' as const,
      message: `unknown class ".${c}": no style or behaviour uses it${near ? ` (did you mean ".${near}"?)` : ''}`,
      line: lineOf(el, ctx),
    };
  });
};
