// `npm run export -- --watch`: the print view takes a new deck in place, the
// way liveUpdate.ts does on screen. reveal.js lays out its print view only
// when it starts, so the new slides go into a fresh .reveal element with a
// fresh reveal.js instance (the old one destroyed), in the same page: the
// font, the code and every diagram drawn before stay loaded (a changed
// diagram is drawn now). The exporter calls window.__iurReprint(html) and
// prints once it resolves.
import Reveal, { type RevealApi, type RevealConfig } from 'reveal.js';
import type { Problem } from '../deck/model.ts';
import { renderDiagrams } from './diagrams.ts';

declare global {
  interface Window {
    /** Print view only: replaces the slides, lays the print view out again; resolves with the new problems. */
    __iurReprint?: (slidesHtml: string) => Promise<Problem[]>;
  }
}

export function acceptPrintUpdates(first: RevealApi, options: RevealConfig): void {
  let deck = first;
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
    deck = new Reveal(root, options);
    window.Reveal = deck;
    const ready = new Promise<void>((resolve) => deck.on('pdf-ready', () => resolve()));
    await deck.initialize();
    await ready;
    return status ? status.problems.slice(before) : [];
  };
}
