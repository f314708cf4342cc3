// Puts the PowerPoint reader on the page: `window.__iurDeck.readSlides(options)`,
// called by the PPTX export in the print view (src/export/pptx/renderPptx.ts).
import type { SlideData } from '../../export/pptx/slideData.ts';
import { readSlides, type ReadOptions } from './readSlides.ts';

declare module '../readiness.ts' {
  interface DeckStatus {
    /** Every slide of the print view as data for an editable PowerPoint. */
    readSlides?: (options: ReadOptions) => SlideData[];
  }
}

export function attachPptxReader(): void {
  if (window.__iurDeck) window.__iurDeck.readSlides = readSlides;
}
