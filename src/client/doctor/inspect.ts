// Runs the doctor's rules on a slide of the live page and returns problems
// with the slide's file and line. The same rules for `npm run check` and
// `npm run export` (every slide of the print view, window.__iurDeck.inspectAll)
// and for dev (the slide on screen); what needs Node (the font's glyphs,
// src/font/glyphs.ts) the three run beside them.
import type { RevealApi } from 'reveal.js';
import type { Problem } from '../../shared/problem.ts';
import { SLIDE_WIDTH, type Rule, type SlideContext } from './context.ts';
import { chineseSpace } from './rules/chineseSpace.ts';
import { classes } from './rules/classes.ts';
import { clipped } from './rules/clipped.ts';
import { deckFont } from './rules/deckFont.ts';
import { diagramLabels } from './rules/diagramLabels.ts';
import { emptySlide } from './rules/emptySlide.ts';
import { headingOnly } from './rules/headingOnly.ts';
import { images } from './rules/images.ts';
import { links } from './rules/links.ts';
import { markdownLeft } from './rules/markdownLeft.ts';
import { missingAlt } from './rules/missingAlt.ts';
import { missingTitle } from './rules/missingTitle.ts';
import { overflow } from './rules/overflow.ts';
import { punctuation } from './rules/punctuation.ts';
import { tinyText } from './rules/tinyText.ts';

/** The doctor's rules on a laid-out slide, one file each (rules/), in the order their findings are said. */
export const RULES: readonly Rule[] = [
  overflow,
  clipped,
  tinyText,
  diagramLabels,
  deckFont,
  markdownLeft,
  chineseSpace,
  emptySlide,
  punctuation,
  links,
  images,
  classes,
  headingOnly,
  missingAlt,
  missingTitle,
];

let known: Set<string> | undefined;

/** Every class name some stylesheet mentions. */
function knownClasses(): Set<string> {
  if (known) return known;
  known = new Set<string>();
  const visit = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) for (const m of rule.selectorText.matchAll(/\.([\w-]+)/g)) known?.add(m[1]);
      if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules) visit((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      visit(sheet.cssRules);
    } catch {
      /* a sheet we may not read: none in this deck */
    }
  }
  return known;
}

export function inspectSlide(section: HTMLElement): Problem[] {
  // In the print view every slide has its own page box; on screen it is the slides box.
  const frame = section.closest('.pdf-page') ?? document.querySelector('.reveal .slides');
  if (!frame) return [];
  const box = frame.getBoundingClientRect();
  const file = section.dataset.file ?? 'deck';
  const line = Number(section.dataset.line ?? 0);
  // Slide coordinates from the sections themselves: the print view moves them into pages.
  const counts = new Map<number, number>();
  document.querySelectorAll<HTMLElement>('.reveal section[data-h]').forEach((s) => {
    const h = Number(s.dataset.h);
    counts.set(h, Math.max(counts.get(h) ?? 0, Number(s.dataset.v ?? 0) + 1));
  });
  const ctx: SlideContext = {
    section,
    file,
    line,
    box,
    scale: box.width / SLIDE_WIDTH,
    knownClasses: knownClasses(),
    slideCount: (h) => counts.get(h),
  };
  const problems: Problem[] = [];
  for (const rule of RULES) {
    for (const f of rule(ctx)) problems.push({ pos: { file, line: f.line ?? line }, level: f.level, message: f.message });
  }
  return problems;
}

/** Shows every fragment, inspects the current slide, and restores its fragment state. */
export function inspectCurrent(deck: RevealApi): Problem[] {
  const section = deck.getCurrentSlide() as HTMLElement | undefined;
  if (!section) return [];
  const hidden = Array.from(section.querySelectorAll<HTMLElement>('.fragment:not(.visible)'));
  hidden.forEach((el) => el.classList.add('visible'));
  try {
    return inspectSlide(section);
  } finally {
    hidden.forEach((el) => el.classList.remove('visible'));
  }
}
