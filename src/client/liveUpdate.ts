// Dev only: puts a saved deck's slides in place and returns to the same slide
// and fragment, with no page reload. Only the slides whose HTML changed are
// swapped in, their diagrams drawn and their layout composed; the others stay
// as they are on screen. What each slide was last given (its HTML as the
// browser reads it, before diagrams and composition change it) is kept, from
// the page as served and from each save, and compared slide by slide. A save
// that adds, removes or moves slides, or brings new code or formula CSS,
// replaces them all.
import type { RevealApi } from 'reveal.js';
import { DEV_EVENT, type DeckUpdate, type Hello } from '../shared/devChannel.ts';
import { renderDiagrams } from './diagrams.ts';
import { composeDeck, composeSlides } from './compose.ts';
import { loadCodeMathFonts, setCodeMathCss } from './codeMathFonts.ts';

/** Each top-level slide's HTML as last given: by the served page, then by each save. */
let given: string[] | undefined;

const slidesRoot = () => document.querySelector('.reveal .slides');
const topLevel = (root: Element) =>
  Array.from(root.children).filter((el): el is HTMLElement => el instanceof HTMLElement && el.tagName === 'SECTION');

/** Called first thing in dev, before anything draws or composes a slide: the served slides as the server wrote them. */
export function rememberServedSlides(): void {
  if (!import.meta.hot) return;
  const root = slidesRoot();
  if (root) given = topLevel(root).map((el) => el.outerHTML);
}

export function acceptDeckUpdates(deck: RevealApi): void {
  const hot = import.meta.hot;
  if (!hot) return;
  hot.on(DEV_EVENT.deck, (update: DeckUpdate) => void swapIn(deck, update));
  // Listening now: a save that came while the page loaded was missed, so ask for it.
  hot.send(DEV_EVENT.hello, { version: Number(document.documentElement.dataset.deckServed ?? 0) } satisfies Hello);
}

/** The slides (a stack and the slides in it) below a top-level section, to compose. */
function slidesIn(top: HTMLElement): HTMLElement[] {
  return [...(top.matches('section[data-file]') ? [top] : []), ...Array.from(top.querySelectorAll<HTMLElement>('section[data-file]'))];
}

/** Which top-level slides changed (by index), or undefined when the slides no longer line up one to one. */
function changedSlides(current: HTMLElement[], freshHtml: string[]): number[] | undefined {
  if (!given || given.length !== freshHtml.length || current.length !== freshHtml.length) return undefined;
  return freshHtml.flatMap((html, i) => (html === given?.[i] ? [] : [i]));
}

/** Puts a fresh deck's slides in place of the old ones, on the same slide and step. */
async function swapIn(deck: RevealApi, update: DeckUpdate): Promise<void> {
  const root = slidesRoot();
  if (!root) return;
  // The first code block or formula brings its fonts' CSS: in, and loaded, before the slides are measured.
  const newCss = setCodeMathCss(update.css);
  if (newCss) await loadCodeMathFonts();
  const staged = document.createElement('div');
  staged.innerHTML = update.html;
  const fresh = topLevel(staged);
  const freshHtml = fresh.map((el) => el.outerHTML);
  const changed = newCss ? undefined : changedSlides(topLevel(root), freshHtml);
  // Diagrams drawn before anything on screen changes: what follows runs in one go, so no frame and no
  // observer sees the new slides before reveal.js knows them.
  if (changed) for (const i of changed) await renderDiagrams(fresh[i]);
  else await renderDiagrams(staged);
  const { h, v, f } = deck.getIndices();
  if (changed) {
    const current = topLevel(root);
    for (const i of changed) current[i].replaceWith(fresh[i]);
    composeSlides(changed.flatMap((i) => slidesIn(fresh[i])));
  } else {
    root.replaceChildren(...Array.from(staged.childNodes));
    composeDeck(root);
  }
  given = freshHtml;
  deck.sync();
  // The deck is whole again: close an error overlay left from a broken save.
  document.querySelectorAll('vite-error-overlay').forEach((el) => el.remove());
  deck.slide(h, v ?? 0, f);
  // Once back on the same slide: the doctor (doctor/attach.ts) looks at the slide on screen.
  document.dispatchEvent(new CustomEvent('iur:deck-updated'));
  if (update.version !== undefined) document.documentElement.dataset.deckServed = String(update.version);
  document.documentElement.dataset.deckVersion = String(Number(document.documentElement.dataset.deckVersion ?? 0) + 1);
}
