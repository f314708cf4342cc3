// Where each slide's page sits in the print view, for the PNG export's
// screenshots: the first page of each slide asked for (fragment steps are not
// printed without --fragments), in document coordinates, in page order. Runs
// in the page (client bundle, exposed as window.__iurDeck.slidePlaces by
// expose.ts).
import type { SlideKey, SlidePlace } from '../../shared/printView.ts';

export function slidePlaces(keys: SlideKey[], document: Document = window.document): SlidePlace[] {
  const view = document.defaultView ?? window;
  const want = new Set(keys);
  const out: SlidePlace[] = [];
  for (const p of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'))) {
    const s = p.querySelector('section[data-file]');
    const key = s ? `${s.getAttribute('data-file')}:${s.getAttribute('data-line')}` : '';
    if (!want.has(key) || out.some((o) => o.key === key)) continue;
    const r = p.getBoundingClientRect();
    out.push({ key, x: r.left + view.scrollX, y: r.top + view.scrollY });
  }
  return out;
}
