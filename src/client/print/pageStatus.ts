// How far the print view got, read by the exporter while it waits (progress,
// and the message when the page is not ready in time): the slides and how
// many have every diagram drawn, the font, reveal.js's print layout, and the
// diagrams not drawn yet. Runs in the page (client bundle, exposed as
// window.__iurDeck.printStatus by expose.ts).

import type { PageStatus } from '../../shared/printView.ts';

export function pageStatus(document: Document = window.document): PageStatus {
  // Fragment steps clone sections in print view: count each slide once.
  const slides = new Map<string, boolean>();
  for (const s of Array.from(document.querySelectorAll('.reveal section[data-file]'))) {
    const key = `${s.getAttribute('data-file')}:${s.getAttribute('data-line')}`;
    const drawn = s.querySelector('figure.mermaid-diagram:not([data-rendered])') === null;
    slides.set(key, (slides.get(key) ?? true) && drawn);
  }
  const undrawn = Array.from(document.querySelectorAll<HTMLElement>('figure.mermaid-diagram:not([data-rendered])')).map((figure) => {
    const section = figure.closest('section[data-file]');
    return {
      file: section?.getAttribute('data-file') ?? '?',
      line: Number(section?.getAttribute('data-line') ?? 0),
      figureLine: Number(figure.dataset.line ?? 0),
    };
  });
  return {
    state: document.documentElement.dataset.deck ?? 'no script',
    slides: slides.size,
    drawn: [...slides.values()].filter(Boolean).length,
    fonts: document.fonts.status,
    printLayout: document.querySelector('.reveal .slides .pdf-page') !== null,
    undrawn,
  };
}
