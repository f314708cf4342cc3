// The pen's drawings in PowerPoint (`export --annotations`): each stroke of
// a slide (slides/annotations.json, by stable slide id) becomes a freeform
// shape (DrawingML custGeom) over the slide, its outline the same polygon
// the PDF's path has (src/shared/strokeOutline.ts), filled in the
// stroke's colour, a highlighter translucent, no line. The PowerPoint shows
// every fragment, so every stroke shows. A colleague can move, recolour or
// delete each one.
import type PptxGenJS from 'pptxgenjs';
import type { Stroke } from '../../shared/annotations.ts';
import { strokeOpacity, strokeOutline } from '../../shared/strokeOutline.ts';

/** pptxgenjs writes a freeform for 'custGeom' (its SHAPE_TYPE.CUSTOM_GEOMETRY), which its typings leave out of ShapeType. */
const CUSTOM_GEOMETRY = 'custGeom' as unknown as PptxGenJS.ShapeType;

/** CSS px → inches (96 px per inch), as the rest of the PowerPoint writer. */
const inch = (v: number): number => Math.round((v / 96) * 10000) / 10000;

/** Adds one freeform shape per stroke (highlighters under pen strokes); returns how many. */
export function addStrokes(slide: PptxGenJS.Slide, strokes: readonly Stroke[]): number {
  const ordered = [...strokes.filter((s) => s.tool === 'highlighter'), ...strokes.filter((s) => s.tool !== 'highlighter')];
  let added = 0;
  for (const [n, stroke] of ordered.entries()) {
    const outline = strokeOutline(stroke, true, false);
    if (outline.length < 3) continue;
    const xs = outline.map((p) => p[0]);
    const ys = outline.map((p) => p[1]);
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    const w = Math.max(Math.max(...xs) - left, 1);
    const h = Math.max(Math.max(...ys) - top, 1);
    const points: NonNullable<PptxGenJS.ShapeProps['points']> = outline.map(([x, y]) => ({ x: inch(x - left), y: inch(y - top) }));
    points.push({ close: true });
    slide.addShape(CUSTOM_GEOMETRY, {
      x: inch(left),
      y: inch(top),
      w: inch(w),
      h: inch(h),
      points,
      fill: { color: stroke.color.slice(1).toUpperCase(), transparency: Math.round((1 - strokeOpacity(stroke)) * 100) },
      line: { type: 'none' },
      objectName: `Pen ${stroke.tool === 'highlighter' ? 'highlighter' : 'stroke'} ${n + 1}`,
    });
    added++;
  }
  return added;
}
