// `npm run export -- --watch`: the print view takes a new deck in place, the
// way liveUpdate.ts does on screen. reveal.js lays out its print view only
// when it starts, so the new slides go into a fresh .reveal element with a
// fresh reveal.js instance (the old one destroyed), in the same page: the
// font, the code and every diagram drawn before stay loaded (a changed
// diagram is drawn now). The exporter calls window.__iurReprint(html) and
// prints once it resolves.
import Reveal, { type RevealApi, type RevealConfig } from 'reveal.js';
import type { SlidePatch } from '../shared/printView.ts';
import type { Problem } from '../shared/problem.ts';
import { renderDiagrams } from './diagrams.ts';
import { composeDeck } from './compose.ts';
import data from 'virtual:iur-deck';
import { finishPrintView } from './print/finish.ts';

/** Classes reveal.js puts on a section itself (the rest come from the Markdown). */
const REVEAL_CLASSES = new Set(['present', 'past', 'future', 'stack', 'visible', 'hidden']);

function sourceClasses(el: Element): string {
  return Array.from(el.classList)
    .filter((c) => !REVEAL_CLASSES.has(c))
    .sort()
    .join(' ');
}

/** Gives `target` the attributes of `source` (its id, data-*), except class and style, which reveal.js owns. */
function copyAttributes(source: Element, target: Element): void {
  for (const name of target.getAttributeNames()) {
    if (name.startsWith('data-') && !source.hasAttribute(name)) target.removeAttribute(name);
  }
  for (const name of source.getAttributeNames()) {
    if (name !== 'class' && name !== 'style') target.setAttribute(name, source.getAttribute(name) ?? '');
  }
}

export function acceptPrintUpdates(first: RevealApi, options: RevealConfig): void {
  let deck = first;
  window.__iurPatch = async (slidesHtml: string, patches: SlidePatch[]): Promise<Problem[] | null> => {
    const status = window.__iurDeck;
    const before = status?.problems.length ?? 0;
    const staged = document.createElement('div');
    staged.innerHTML = slidesHtml;
    const pairs: [Element, HTMLElement | null, SlidePatch][] = [];
    for (const patch of patches) {
      const id = `slide-${patch.index + 1}`;
      const next = staged.querySelector(`section#${id}`);
      // --range may have left the slide out of the print: nothing to change then.
      const printed = document.querySelector<HTMLElement>(`.reveal .slides .pdf-page > section#${id}`);
      if (!next) return null;
      if (printed && !patch.attributesOnly) {
        // What reveal.js does to a section when it lays the print view out, beyond what is redone here.
        if (sourceClasses(next) !== sourceClasses(printed) || next.querySelector('.r-stretch, [data-background], [data-background-image]'))
          return null;
        if (Array.from(next.attributes).some((a) => a.name.startsWith('data-background') || a.name.startsWith('data-auto-animate')))
          return null;
      }
      pairs.push([next, printed, patch]);
    }
    for (const [next, printed, patch] of pairs) {
      if (!printed) continue;
      copyAttributes(next, printed);
      if (patch.attributesOnly) continue;
      await renderDiagrams(next);
      printed.replaceChildren(...Array.from(next.childNodes));
      // The print view shows every fragment.
      for (const f of Array.from(printed.querySelectorAll('.fragment:not(.fade-out)'))) f.classList.add('visible');
      // Composed as at load (compose.ts): the same sizes as a fresh export.
      if (printed.parentElement) composeDeck(printed.parentElement);
    }
    finishPrintView(data?.annotations);
    return status ? status.problems.slice(before) : [];
  };
  window.__iurReprint = async (slidesHtml: string): Promise<Problem[]> => {
    const status = window.__iurDeck;
    const before = status?.problems.length ?? 0;
    const staged = document.createElement('div');
    staged.innerHTML = slidesHtml;
    await renderDiagrams(staged);
    const old = deck.getRevealElement();
    deck.destroy();
    const root = document.createElement('div');
    root.className = 'reveal';
    const slides = document.createElement('div');
    slides.className = 'slides';
    slides.append(...Array.from(staged.childNodes));
    root.append(slides);
    old?.replaceWith(root);
    // Composed in the page, before reveal.js lays the print view out, as at load (main.ts).
    composeDeck(root);
    deck = new Reveal(root, options);
    window.Reveal = deck;
    const ready = new Promise<void>((resolve) => deck.on('pdf-ready', () => resolve()));
    await deck.initialize();
    await ready;
    finishPrintView(data?.annotations);
    return status ? status.problems.slice(before) : [];
  };
}
