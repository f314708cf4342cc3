// Puts the slide reader on the page (the print view read as SlideData, for the
// PowerPoint writer): `window.__iurDeck.readSlides(options)`
// and `window.__iurDeck.rasterise(jobs, scale)`, called by the PPTX export in
// the print view (src/export/pptx/renderPptx.ts).
import { rasterise } from './rasterise.ts';
import { readSlides } from './readSlides.ts';

export function attachSlideReader(): void {
  if (!window.__iurDeck) return;
  window.__iurDeck.readSlides = readSlides;
  window.__iurDeck.rasterise = rasterise;
}
