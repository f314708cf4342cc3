// `npm run export -- --annotations`: the pen's drawings from
// slides/annotations.json on their printed pages. Each .pdf-page of reveal.js's
// print view gets an SVG layer over its slide with the strokes visible at that
// page's step (with --fragments, one page per step: the step is the number
// of fragment groups shown on it; without, every fragment shows, so every
// stroke does). Chromium prints the SVG paths as vector paths. The layer is
// aria-hidden: drawings are not part of the slide's text (a PDF artifact).
// Only the file's drawings: the print view reads no localStorage.
import type { Annotations } from '../../shared/annotations.ts';
import { drawStrokes, penLayer } from './penRender.ts';

function pageStep(page: Element, separate: boolean): number {
  if (!separate) return Number.POSITIVE_INFINITY;
  const shown = new Set(Array.from(page.querySelectorAll('.fragment.visible')).map((f) => f.getAttribute('data-fragment-index')));
  return shown.size;
}

export function drawPrintAnnotations(annotations: Annotations | undefined): number {
  if (!annotations) return 0;
  const separate = /[?&]fragments\b/.test(location.search);
  let drawn = 0;
  // Drawn again after `export --watch` changed the pages: no stroke twice.
  for (const old of Array.from(document.querySelectorAll('svg.iur-pen-print'))) old.remove();
  for (const page of Array.from(document.querySelectorAll('.reveal .slides .pdf-page'))) {
    const id = page.querySelector<HTMLElement>('section[data-slide-id]')?.dataset.slideId;
    const strokes = id ? annotations.slides[id] : undefined;
    if (!strokes?.length) continue;
    const layer = penLayer(document, 'iur-pen-print');
    layer.setAttribute('style', 'position:absolute;left:0;top:0;width:1280px;height:720px;z-index:30;pointer-events:none;overflow:hidden');
    drawStrokes(layer, strokes, pageStep(page, separate));
    if (layer.childElementCount === 0) continue;
    page.appendChild(layer);
    drawn += layer.childElementCount;
  }
  document.documentElement.dataset.printedStrokes = String(drawn);
  return drawn;
}
