// The drawings a window holds, by slide id, and the three things that change
// them: a stroke added, strokes erased, a slide cleared. Each change is an
// op, so the deck and its speaker view apply the same ops and stay equal;
// applying an op twice does nothing more (a stroke id is added once).
import { emptyAnnotations, type Annotations, type PenOp, type Stroke } from '../../shared/annotations.ts';

export class PenStore {
  private data: Annotations = emptyAnnotations();
  private readonly listeners = new Set<(op: PenOp | undefined) => void>();

  /** Replaces everything (the file, localStorage, or the deck's copy sent to a speaker view). */
  load(data: Annotations): void {
    this.data = { version: data.version, slides: Object.assign(Object.create(null) as Record<string, Stroke[]>, data.slides) };
    for (const listener of this.listeners) listener(undefined);
  }

  snapshot(): Annotations {
    return this.data;
  }

  strokes(slide: string | undefined): readonly Stroke[] {
    return slide === undefined ? [] : (this.data.slides[slide] ?? []);
  }

  /** Applies an op; listeners hear of it (undefined after a load). Returns whether anything changed. */
  apply(op: PenOp): boolean {
    const before = this.data.slides[op.slide] ?? [];
    let after: Stroke[];
    if (op.kind === 'add') after = before.some((s) => s.id === op.stroke.id) ? before : [...before, op.stroke];
    else if (op.kind === 'erase') after = before.filter((s) => !op.ids.includes(s.id));
    else after = [];
    // A stroke already there, nothing to erase or clear: no change.
    if (after === before || after.length === before.length) return false;
    if (after.length) this.data.slides[op.slide] = after;
    else delete this.data.slides[op.slide];
    for (const listener of this.listeners) listener(op);
    return true;
  }

  onChange(listener: (op: PenOp | undefined) => void): void {
    this.listeners.add(listener);
  }
}
