// The pen's drawings as data: slides/annotations.json maps a stable slide id
// (src/rehearsal/slideIds.ts) to its strokes; each stroke keeps the fragment
// step it was drawn at, its tool, colour, size and points in slide pixels
// (1280×720) with pressure; a change (a stroke added, strokes erased, a slide
// cleared) travels as a PenOp. Pure: the shape checks run in Node (the file,
// what the dev and present servers are sent) and in the browser (localStorage,
// messages between the deck, its speaker view and the phones). Nothing here
// reads or writes files.

export const ANNOTATIONS_FILE = 'annotations.json';
export const ANNOTATIONS_VERSION = 1;
/** The largest file or POST body taken (a talk's drawings are well under 1 MB). */
export const MAX_ANNOTATION_BYTES = 8 * 1024 * 1024;
export const MAX_POINTS = 5000;
export const MAX_STROKES_PER_SLIDE = 2000;

export type PenTool = 'pen' | 'highlighter';
/** x, y in slide pixels; pressure 0–1 (0.5 where the device gives none). */
export type PenPoint = [number, number, number];

export interface Stroke {
  /** Unique within its slide: lets the deck and its speaker view erase the same stroke. */
  id: string;
  tool: PenTool;
  /** `#rrggbb`. */
  color: string;
  /** Nominal width in slide pixels. */
  size: number;
  /** The fragment step it was drawn at: 0 before the first fragment, n once n fragments show. */
  step: number;
  points: PenPoint[];
}

export interface Annotations {
  version: typeof ANNOTATIONS_VERSION;
  slides: Record<string, Stroke[]>;
}

export function emptyAnnotations(): Annotations {
  return { version: ANNOTATIONS_VERSION, slides: Object.create(null) as Record<string, Stroke[]> };
}

/** A shape problem, with the JSON path it was found at (for a file:line message). */
export interface ShapeProblem {
  message: string;
  /** The slide id whose strokes are wrong, if any. */
  slide?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

/** One stroke, or what is wrong with it. */
export function parseStroke(value: unknown): Stroke | string {
  if (!isObject(value)) return 'a stroke must be an object';
  const { id, tool, color, size, step, points } = value;
  if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id)) return '"id": expected up to 64 letters, digits, - or _';
  if (tool !== 'pen' && tool !== 'highlighter') return '"tool": expected "pen" or "highlighter"';
  if (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color)) return '"color": expected "#rrggbb"';
  if (!finite(size, 0.5, 200)) return '"size": expected a number from 0.5 to 200';
  if (!finite(step, 0, 1000) || !Number.isInteger(step)) return '"step": expected a whole number from 0';
  if (!Array.isArray(points) || points.length === 0 || points.length > MAX_POINTS) return `"points": expected 1 to ${MAX_POINTS} points`;
  const kept: PenPoint[] = [];
  for (const p of points as unknown[]) {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3) return '"points": each point is [x, y] or [x, y, pressure]';
    const [x, y, pressure = 0.5] = p as unknown[];
    if (!finite(x, -2000, 4000) || !finite(y, -2000, 4000) || !finite(pressure, 0, 1))
      return '"points": x and y in slide pixels, pressure 0–1';
    kept.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10, Math.round(pressure * 100) / 100]);
  }
  return { id, tool, color: color.toLowerCase(), size, step, points: kept };
}

export type PenOp =
  { kind: 'add'; slide: string; stroke: Stroke } | { kind: 'erase'; slide: string; ids: string[] } | { kind: 'clear'; slide: string };

/** An op from another window, checked like the file: the op, or undefined. */
export function parseOp(value: unknown): PenOp | undefined {
  if (!isObject(value) || typeof value.slide !== 'string' || value.slide.length > 500) return undefined;
  if (value.kind === 'add') {
    const stroke = parseStroke(value.stroke);
    return typeof stroke === 'string' ? undefined : { kind: 'add', slide: value.slide, stroke };
  }
  if (value.kind === 'erase' && Array.isArray(value.ids) && value.ids.every((id) => typeof id === 'string')) {
    return { kind: 'erase', slide: value.slide, ids: value.ids };
  }
  if (value.kind === 'clear') return { kind: 'clear', slide: value.slide };
  return undefined;
}

/** The shape check of a whole file: the annotations, or the first thing wrong. */
export function parseAnnotations(value: unknown): Annotations | ShapeProblem {
  if (!isObject(value)) return { message: 'expected a JSON object { "version": 1, "slides": { … } }' };
  if (value.version !== ANNOTATIONS_VERSION) return { message: `expected "version": ${ANNOTATIONS_VERSION}` };
  if (!isObject(value.slides)) return { message: 'expected "slides": { "slide id": [strokes] }' };
  const result = emptyAnnotations();
  for (const [slide, strokes] of Object.entries(value.slides)) {
    if (!Array.isArray(strokes)) return { slide, message: `"${slide}": expected a list of strokes` };
    if (strokes.length > MAX_STROKES_PER_SLIDE) return { slide, message: `"${slide}": more than ${MAX_STROKES_PER_SLIDE} strokes` };
    const kept: Stroke[] = [];
    for (const [i, raw] of strokes.entries()) {
      const stroke = parseStroke(raw);
      if (typeof stroke === 'string') return { slide, message: `"${slide}", stroke ${i + 1}: ${stroke}` };
      kept.push(stroke);
    }
    if (kept.length > 0) result.slides[slide] = kept;
  }
  return result;
}

export function isShapeProblem(value: Annotations | ShapeProblem): value is ShapeProblem {
  return 'message' in value;
}

export function serializeAnnotations(annotations: Annotations): string {
  // One stroke a line: a diff of the file stays readable.
  const ids = Object.keys(annotations.slides).filter((id) => annotations.slides[id].length > 0);
  const slides = ids.map(
    (id) => `    ${JSON.stringify(id)}: [\n${annotations.slides[id].map((s) => `      ${JSON.stringify(s)}`).join(',\n')}\n    ]`,
  );
  return `{\n  "version": ${ANNOTATIONS_VERSION},\n  "slides": {${slides.length ? `\n${slides.join(',\n')}\n  ` : ''}}\n}\n`;
}

/** The 1-based line of `"id":` in the file's text (where a message about that slide points), else 1. */
export function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`${JSON.stringify(key)}:`);
  const found = at >= 0 ? at : text.indexOf(JSON.stringify(key));
  if (found < 0) return 1;
  let line = 1;
  for (let i = 0; i < found; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
