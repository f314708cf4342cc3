// Puts the PowerPoint reader on the page: `window.__iurDeck.readSlides(options)`
// and `window.__iurDeck.rasterise(jobs, scale)`, called by the PPTX export in
// the print view (src/export/pptx/renderPptx.ts).
import type { SlideData } from '../../export/pptx/slideData.ts';
import { rasterise, type RasterJob } from './rasterise.ts';
import { readSlides, type ReadOptions } from './readSlides.ts';

declare module '../readiness.ts' {
  interface DeckStatus {
    /** Every slide of the print view as data for an editable PowerPoint. */
    readSlides?: (options: ReadOptions) => SlideData[];
    /** The PNG (base64) of each standalone SVG picture, drawn at `scale`. */
    rasterise?: (jobs: RasterJob[], scale: number) => Promise<string[]>;
  }
}

export function attachPptxReader(): void {
  if (!window.__iurDeck) return;
  window.__iurDeck.readSlides = readSlides;
  window.__iurDeck.rasterise = rasterise;
}
