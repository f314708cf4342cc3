// One PNG per slide from the print view (the pages the PDF prints, all
// fragments shown): a screenshot of each slide's page, scaled to the width
// asked for (1920 px by default: 1.5 × the 1280 px slide).
import { DEFAULT_PNG_WIDTH, type FormatModule } from '../contract.ts';
import { slideKey } from '../print/pages.ts';
import { screenshotRegion, useScale } from '../print/screenshot.ts';

/** The slide's size in CSS px (reveal.js's width and height in the print view). */
const SLIDE = { width: 1280, height: 720 };

/** File name of a slide's picture: its number in the deck, padded. */
export function pngName(index: number, slideCount: number): string {
  return `slide-${String(index + 1).padStart(String(slideCount).length, '0')}.png`;
}

/** The print view without fragment steps: each slide's page shows all of it. */
export const view: FormatModule['view'] = (options) => ({ fragments: false, annotations: options.annotations });

export const capture: FormatModule['capture'] = async (target, options, progress) => {
  const { deck, opened } = target;
  const { page, crashed } = opened;
  const indices = options.selected ?? deck.slides.map((_, i) => i);
  const wanted = new Set(indices.map((i) => slideKey(deck, i)));
  // Each slide's first page (fragment steps are not printed without --fragments).
  // In the page: src/client/print/slidePlaces.ts.
  const places = await page.evaluate(
    (keys: string[]) => {
      const find = window.__iurDeck?.slidePlaces;
      if (!find) throw new Error('the page cannot place its slides (window.__iurDeck.slidePlaces)');
      return find(keys);
    },
    [...wanted],
  );
  const byKey = new Map(indices.map((i) => [slideKey(deck, i), i]));
  const scale = (options.pngWidth ?? DEFAULT_PNG_WIDTH) / SLIDE.width;
  const files: { name: string; data: Uint8Array }[] = [];
  await progress.time('screenshots', async () => {
    await useScale(page, scale);
    for (const [n, place] of places.entries()) {
      progress.update(`slide pictures ${n + 1}/${places.length}`, { transient: true });
      const data = await Promise.race([screenshotRegion(page, { x: place.x, y: place.y, w: SLIDE.width, h: SLIDE.height }), crashed]);
      files.push({ name: pngName(byKey.get(place.key) ?? n, deck.slides.length), data });
    }
  });
  if (files.length !== indices.length) throw new Error(`internal: ${files.length} slide pictures for ${indices.length} slides`);
  return { finish: () => Promise.resolve({ kind: 'folder', files, pages: files.length }) };
};
