// The small JSON the browser client needs besides the slides' HTML: deck
// metadata for reveal.js and, per slide, where it comes from (for messages);
// its shape is src/shared/clientData.ts.
import type { Deck } from '../deck/model.ts';
import type { ClientData } from '../shared/clientData.ts';

export function clientData(deck: Deck): ClientData {
  return {
    title: deck.meta.title,
    lang: deck.meta.lang,
    duration: deck.meta.duration,
    slides: deck.slides.map((s) => ({ file: s.pos.file, line: s.pos.line, title: s.title, part: s.part })),
    parts: deck.parts.map((p) => ({ title: p.title, marker: p.marker, firstSlide: p.firstSlide })),
    ...(deck.annotations ? { annotations: deck.annotations } : {}),
  };
}
