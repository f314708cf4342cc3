// Puts the PowerPoint reader on the page: `window.__iurDeck.readSlides(options)`
// and `window.__iurDeck.rasterise(jobs, scale)`, called by the PPTX export in
// the print view (src/export/pptx/renderPptx.ts).
import { rasterise } from './rasterise.ts';
import { readSlides } from './readSlides.ts';

export function attachPptxReader(): void {
  if (!window.__iurDeck) return;
  window.__iurDeck.readSlides = readSlides;
  window.__iurDeck.rasterise = rasterise;
}
