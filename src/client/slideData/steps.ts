// Fragment steps for the slide reader: the order in which a slide's
// fragments come in, as reveal.js counts them (by data-fragment-index, then
// those without one in document order, each a step of its own), and the step
// at which an element appears (the latest of the fragments it sits in). Only
// fragments that come in count: styles that show the element from the start
// and change it at their step (grow, fade-out, highlight-red …) are left as
// shown. How a step comes in is the deck's own: fading over its fragments'
// opacity transition, or at once.
import type { FragmentStep } from '../../shared/slideData.ts';

/** reveal.js styles that show the element before its step: no entrance. */
const NOT_ENTRANCE = /^(grow|shrink|fade-out|semi-fade-out|strike|highlight-(current-)?(red|green|blue))$/;

let section: Element | null = null;
let stepOfFragment = new Map<Element, number>();

/** reveal.js's grouping (its fragments controller's sort): explicit indices in order, then the rest one by one. */
export function fragmentGroups(fragments: Element[]): Element[][] {
  const ordered: Element[][] = [];
  const unordered: Element[][] = [];
  for (const f of fragments) {
    const index = Number.parseInt(f.getAttribute('data-fragment-index') ?? '', 10);
    if (Number.isInteger(index) && index >= 0) (ordered[index] ??= []).push(f);
    else unordered.push([f]);
  }
  return [...ordered.filter((g) => g.length > 0), ...unordered];
}

export function isEntrance(fragment: Element): boolean {
  return !Array.from(fragment.classList).some((c) => NOT_ENTRANCE.test(c));
}

/** Seconds or milliseconds as CSS writes them ('0.2s', '200ms'), in ms; the longest of a list. */
export function cssMs(value: string): number {
  return Math.max(
    0,
    ...value.split(',').map((v) => {
      const n = Number.parseFloat(v);
      if (Number.isNaN(n)) return 0;
      return /ms\s*$/.test(v) ? n : n * 1000;
    }),
  );
}

/** How a fragment comes in: a fade over its opacity transition, or at once (no transition, or the author's own style). */
export function effectOf(fragment: Element): FragmentStep {
  const cs = getComputedStyle(fragment);
  const ms = cssMs(cs.transitionDuration);
  const fades = /(^|,\s*)(all|opacity)\b/.test(cs.transitionProperty) && ms > 0 && !fragment.classList.contains('custom');
  return fades ? { effect: 'fade', duration: Math.round(Math.min(ms, 2000)) } : { effect: 'appear', duration: 0 };
}

/** Reads the steps of the slide about to be read; stepOf then answers for its elements. */
export function beginSteps(slide: Element): FragmentStep[] {
  section = slide;
  stepOfFragment = new Map();
  const fragments = Array.from(slide.querySelectorAll('.fragment')).filter((f) => !f.closest('aside'));
  const groups = fragmentGroups(fragments)
    .map((g) => g.filter(isEntrance))
    .filter((g) => g.length > 0);
  return groups.map((group, step) => {
    for (const f of group) stepOfFragment.set(f, step);
    return effectOf(group[0]);
  });
}

/** The step at which an element appears: the latest of the fragments it is in (itself included); none: from the start. */
export function stepOf(el: Element): number | undefined {
  if (stepOfFragment.size === 0) return undefined;
  let step: number | undefined;
  for (let e: Element | null = el; e; e = e === section ? null : e.parentElement) {
    const s = stepOfFragment.get(e);
    if (s !== undefined && (step === undefined || s > step)) step = s;
  }
  return step;
}
