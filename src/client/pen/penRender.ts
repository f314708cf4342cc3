// Draws strokes (src/shared/annotations.ts) as SVG paths: perfect-freehand
// turns each stroke's points and pressure into an outline, filled in the
// stroke's colour; a highlighter is wide, even and translucent. The same
// paths go on screen (the pen's layer) and into the print view, where
// Chromium prints them as vector paths.
import { strokeOpacity, strokeOutline } from '../../shared/strokeOutline.ts';
import type { Stroke } from '../../shared/annotations.ts';

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const SLIDE_W = 1280;
export const SLIDE_H = 720;

/** The outline of a stroke as an SVG path (quadratic curves through the outline's midpoints). */
export function strokePath(stroke: Pick<Stroke, 'tool' | 'size' | 'points'>, last = true): string {
  const outline = strokeOutline(stroke, last);
  if (outline.length < 2) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  const [first, ...rest] = outline;
  let d = `M${f(first[0])} ${f(first[1])}Q`;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i];
    const b = outline[(i + 1) % outline.length];
    d += `${f(a[0])} ${f(a[1])} ${f((a[0] + b[0]) / 2)} ${f((a[1] + b[1]) / 2)} `;
  }
  return rest.length ? `${d.trimEnd()}Z` : '';
}

/** A path element for one stroke. */
export function strokeElement(
  doc: Document,
  stroke: Pick<Stroke, 'tool' | 'size' | 'points' | 'color'> & { id?: string },
  last = true,
): SVGPathElement {
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', strokePath(stroke, last));
  path.setAttribute('fill', stroke.color);
  if (strokeOpacity(stroke) < 1) path.setAttribute('fill-opacity', String(strokeOpacity(stroke)));
  if (stroke.id) path.dataset.stroke = stroke.id;
  return path;
}

/** An empty layer the size of a slide, for strokes; hidden from assistive technology (a PDF artifact). */
export function penLayer(doc: Document, className: string): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('viewBox', `0 0 ${SLIDE_W} ${SLIDE_H}`);
  svg.setAttribute('width', String(SLIDE_W));
  svg.setAttribute('height', String(SLIDE_H));
  svg.setAttribute('aria-hidden', 'true');
  return svg;
}

/** Puts the strokes visible at `step` into `layer` (highlighters under pen strokes). */
export function drawStrokes(layer: SVGSVGElement, strokes: readonly Stroke[], step: number): void {
  const doc = layer.ownerDocument;
  const shown = strokes.filter((s) => s.step <= step);
  const ordered = [...shown.filter((s) => s.tool === 'highlighter'), ...shown.filter((s) => s.tool === 'pen')];
  layer.replaceChildren(...ordered.map((s) => strokeElement(doc, s)));
}
