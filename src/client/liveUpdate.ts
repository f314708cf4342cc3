// Dev only: replaces the slides in place when a Markdown file is saved and
// returns to the same slide and fragment, with no page reload.
import type { RevealApi } from 'reveal.js';
import { DEV_EVENT, type DeckUpdate, type Hello } from '../shared/devChannel.ts';
import { renderDiagrams } from './diagrams.ts';
import { composeDeck } from './compose.ts';
import { loadCodeMathFonts, setCodeMathCss } from './codeMathFonts.ts';

export function acceptDeckUpdates(deck: RevealApi): void {
  const hot = import.meta.hot;
  if (!hot) return;
  hot.on(DEV_EVENT.deck, (update: DeckUpdate) => void swapIn(deck, update));
  // Listening now: a save that came while the page loaded was missed, so ask for it.
  hot.send(DEV_EVENT.hello, { version: Number(document.documentElement.dataset.deckServed ?? 0) } satisfies Hello);
}

/** Puts a fresh deck's slides in place of the old ones, on the same slide and step. */
async function swapIn(deck: RevealApi, update: DeckUpdate): Promise<void> {
  {
    const { h, v, f } = deck.getIndices();
    const slides = document.querySelector('.reveal .slides');
    if (!slides) return;
    // The first code block or formula brings its fonts' CSS: in, and loaded, before the slides are measured.
    if (setCodeMathCss(update.css)) await loadCodeMathFonts();
    const staged = document.createElement('div');
    staged.innerHTML = update.html;
    await renderDiagrams(staged);
    slides.replaceChildren(...Array.from(staged.childNodes));
    composeDeck(slides);
    deck.sync();
    // The deck is whole again: close an error overlay left from a broken save.
    document.querySelectorAll('vite-error-overlay').forEach((el) => el.remove());
    deck.slide(h, v ?? 0, f);
    // Once back on the same slide: the doctor (doctor/attach.ts) looks at the slide on screen.
    document.dispatchEvent(new CustomEvent('iur:deck-updated'));
    if (update.version !== undefined) document.documentElement.dataset.deckServed = String(update.version);
    document.documentElement.dataset.deckVersion = String(Number(document.documentElement.dataset.deckVersion ?? 0) + 1);
  }
}
