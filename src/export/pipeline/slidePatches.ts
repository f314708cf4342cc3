// Which slides a save changed, when the deck kept its shape: the same slides
// in the same places (count, stacks, parts, metadata), so the open print view
// can change just those pages (src/client/watchPrint.ts __iurPatch) instead
// of laying every slide out again. null: the shape changed, or the print has
// pages made from several slides' content (notes pages, fragment steps).
import type { Deck, Slide } from '../../deck/model.ts';
import type { SlidePatch } from '../../shared/printView.ts';

function content(slide: Slide): string {
  const { pos, endLine, ...rest } = slide;
  void endLine;
  return JSON.stringify({ ...rest, file: pos.file });
}

export function slidePatches(before: Deck, after: Deck, options: { notes: boolean; fragments: boolean }): SlidePatch[] | null {
  if (options.notes || options.fragments) return null;
  if (before.slides.length !== after.slides.length) return null;
  if (JSON.stringify(before.meta) !== JSON.stringify(after.meta) || JSON.stringify(before.parts) !== JSON.stringify(after.parts))
    return null;
  const patches: SlidePatch[] = [];
  for (let i = 0; i < after.slides.length; i++) {
    const a = before.slides[i];
    const b = after.slides[i];
    if (a.h !== b.h || a.v !== b.v || a.part !== b.part) return null;
    if (content(a) !== content(b)) patches.push({ index: i, attributesOnly: false });
    else if (a.pos.line !== b.pos.line) patches.push({ index: i, attributesOnly: true });
  }
  return patches;
}
