// Test helper for the deck doctor's rules (src/client/doctor/rules/): a slide
// in the test's DOM (happy-dom), laid out as the page would have it in its
// <section data-file data-line>, and the SlideContext a rule gets for it.
import type { SlideContext } from '../../src/client/doctor/context.ts';

export interface SlideOptions {
  /** Classes a stylesheet knows (the doctor reads them from the page's stylesheets). */
  known?: string[];
  /** Slides per horizontal index: h → how many vertical slides. */
  slides?: Record<number, number>;
  /** Attributes of the <section>. */
  attributes?: string;
}

/** Puts `html` into a slide of the document (file a.md, line 5) and returns its context. */
export function slide(html: string, options: SlideOptions = {}): SlideContext {
  document.body.innerHTML = `<div class="reveal"><div class="slides"><section data-file="a.md" data-line="5" ${options.attributes ?? ''}>${html}</section></div></div>`;
  const section = document.querySelector('section') as HTMLElement;
  const box = { left: 0, top: 0, right: 1280, bottom: 720, width: 1280, height: 720, x: 0, y: 0 } as DOMRect;
  const slides = options.slides ?? { 0: 1 };
  return {
    section,
    file: 'a.md',
    line: 5,
    box,
    scale: 1,
    knownClasses: new Set(options.known ?? []),
    slideCount: (h) => slides[h],
  };
}

/** Gives an element the box a browser would lay it out in (happy-dom lays nothing out). */
export function placeAt(el: Element, r: { left: number; top: number; right: number; bottom: number }): void {
  const rect = { ...r, width: r.right - r.left, height: r.bottom - r.top, x: r.left, y: r.top };
  Object.defineProperty(el, 'getBoundingClientRect', { value: () => rect });
}
