// The outline of a pen stroke: perfect-freehand turns its points and pressure
// into a closed polygon (slide pixels), filled in the stroke's colour. One
// shape for every place a stroke is drawn: the screen and the print view
// (SVG paths, src/client/pen/penRender.ts) and PowerPoint (freeform shapes,
// src/export/pptx/penShapes.ts). Pure; runs in the browser and in Node.
import { getStroke } from 'perfect-freehand';
import type { Stroke } from './annotations.ts';

/**
 * `caps: false` ends the outline flat, without the round caps that fold back over
 * the stroke: a polygon without self-overlap, for renderers that fill by the
 * even-odd rule (LibreOffice's freeform shapes), where an overlap is a hole.
 */
export function strokeOutline(stroke: Pick<Stroke, 'tool' | 'size' | 'points'>, last = true, caps = true): number[][] {
  const pressured = stroke.points.some((p) => p[2] !== 0.5);
  return getStroke(stroke.points, {
    size: stroke.size,
    thinning: stroke.tool === 'highlighter' ? 0 : 0.6,
    smoothing: 0.5,
    streamline: 0.4,
    simulatePressure: stroke.tool === 'pen' && !pressured,
    last,
    start: { cap: caps },
    end: { cap: caps },
  });
}

/** How opaque a stroke's fill is: a highlighter lets the slide show through. */
export function strokeOpacity(stroke: Pick<Stroke, 'tool'>): number {
  return stroke.tool === 'highlighter' ? 0.35 : 1;
}
