// Turns pointer input on the pen's layer into ops: mouse, touch or stylus
// (with its pressure when it gives one) draw a stroke in slide pixels; the
// eraser removes whole strokes it touches. Events on the layer stop there,
// so reveal.js does not take a stroke for a swipe or a click.
import type { PenPoint, PenTool, Stroke, PenOp } from '../../shared/annotations.ts';
import { SLIDE_H, SLIDE_W, strokeElement } from './penRender.ts';

export type Tool = PenTool | 'eraser';

export interface InputContext {
  tool: () => Tool;
  color: () => string;
  /** The current slide's id and fragment step, or undefined (overview, no slide). */
  where: () => { slide: string; step: number } | undefined;
  /** Strokes shown now on the current slide (for the eraser). */
  shown: () => readonly Stroke[];
  commit: (op: PenOp) => void;
}

const SIZES: Record<PenTool, number> = { pen: 6, highlighter: 28 };

function strokeId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function near(stroke: Stroke, x: number, y: number): boolean {
  const reach = (stroke.size / 2 + 10) ** 2;
  return stroke.points.some(([px, py]) => (px - x) ** 2 + (py - y) ** 2 <= reach);
}

export function attachInput(layer: SVGSVGElement, context: InputContext): void {
  let drawing: { pointer: number; points: PenPoint[]; path: SVGPathElement; tool: PenTool } | undefined;

  const at = (event: PointerEvent): PenPoint => {
    const box = layer.getBoundingClientRect();
    const x = ((event.clientX - box.left) * SLIDE_W) / (box.width || SLIDE_W);
    const y = ((event.clientY - box.top) * SLIDE_H) / (box.height || SLIDE_H);
    // Only a stylus reports real pressure; mouse and touch say 0.5 (or 0, 1) while down.
    const pressure = event.pointerType === 'pen' && event.pressure > 0 ? event.pressure : 0.5;
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10, Math.round(pressure * 100) / 100];
  };

  const erase = (event: PointerEvent) => {
    const here = context.where();
    if (!here) return;
    const [x, y] = at(event);
    const ids = context
      .shown()
      .filter((s) => near(s, x, y))
      .map((s) => s.id);
    if (ids.length) context.commit({ kind: 'erase', slide: here.slide, ids });
  };

  const redraw = (last: boolean) => {
    if (!drawing) return;
    const next = strokeElement(
      layer.ownerDocument,
      { tool: drawing.tool, size: SIZES[drawing.tool], color: context.color(), points: drawing.points },
      last,
    );
    drawing.path.setAttribute('d', next.getAttribute('d') ?? '');
  };

  layer.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.button > 0) return;
    layer.setPointerCapture(event.pointerId);
    const tool = context.tool();
    if (tool === 'eraser') {
      drawing = undefined;
      erase(event);
      return;
    }
    const path = strokeElement(layer.ownerDocument, { tool, size: SIZES[tool], color: context.color(), points: [at(event)] }, false);
    path.classList.add('drawing');
    layer.appendChild(path);
    drawing = { pointer: event.pointerId, points: [at(event)], path, tool };
    redraw(false);
  });

  layer.addEventListener('pointermove', (event) => {
    event.stopPropagation();
    if (context.tool() === 'eraser') {
      if (event.buttons & 1) erase(event);
      return;
    }
    if (!drawing || event.pointerId !== drawing.pointer) return;
    const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    for (const e of events.length ? events : [event]) drawing.points.push(at(e));
    redraw(false);
  });

  const finish = (event: PointerEvent) => {
    event.stopPropagation();
    if (!drawing || event.pointerId !== drawing.pointer) return;
    const done = drawing;
    drawing = undefined;
    done.path.remove();
    const here = context.where();
    if (!here || done.points.length === 0) return;
    const stroke: Stroke = {
      id: strokeId(),
      tool: done.tool,
      color: context.color(),
      size: SIZES[done.tool],
      step: here.step,
      points: done.points.slice(0, 5000),
    };
    context.commit({ kind: 'add', slide: here.slide, stroke });
  };
  layer.addEventListener('pointerup', finish);
  layer.addEventListener('pointercancel', finish);
  // reveal.js reads touches and clicks on its wrapper (swipe, links): not while drawing.
  for (const type of ['touchstart', 'touchmove', 'touchend', 'mousedown', 'click', 'dblclick', 'wheel'] as const) {
    layer.addEventListener(type, (event) => event.stopPropagation(), { passive: true });
  }
}
