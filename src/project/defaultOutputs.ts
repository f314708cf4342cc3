// Where a command writes when no --out is given. The talk (the project's
// slides/ folder) keeps the plain names (deck.pdf, dist/); any other slides
// folder gets names of its own (mytalk.pdf, dist-mytalk/), so building or
// exporting a second deck never replaces the talk's outputs. Each kind of
// output has a name of its own: a handout or a notes PDF never replaces the
// slide PDF (deck-handout-3.pdf, mytalk-notes.pdf).
import path from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

export type OutputKind =
  'pdf' | 'pptx' | 'png' | 'notes' | 'handout-3' | 'handout-6' | 'handout-3-notes' | 'handout-6-notes' | 'dist' | 'single';

const PLAIN: Record<OutputKind, string> = {
  pdf: 'deck.pdf',
  pptx: 'deck.pptx',
  png: 'deck-png',
  notes: 'deck-notes.pdf',
  'handout-3': 'deck-handout-3.pdf',
  'handout-6': 'deck-handout-6.pdf',
  'handout-3-notes': 'deck-handout-3-notes.pdf',
  'handout-6-notes': 'deck-handout-6-notes.pdf',
  dist: 'dist',
  single: 'dist-single',
};

/** The name a slides folder gives its outputs; '' for the project's own slides/. */
export function deckName(slidesDir: string): string {
  const abs = path.resolve(slidesDir);
  if (abs === path.join(PROJECT_ROOT, 'slides')) return '';
  const base = path
    .basename(abs)
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|-+$/g, '');
  return base === '' || base === 'slides' ? path.basename(path.dirname(abs)).replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'deck' : base;
}

/** The default output of `kind` for this slides folder (relative to the working directory). */
export function defaultOutput(slidesDir: string, kind: OutputKind): string {
  const name = deckName(slidesDir);
  if (!name) return PLAIN[kind];
  switch (kind) {
    case 'pdf':
      return `${name}.pdf`;
    case 'pptx':
      return `${name}.pptx`;
    case 'png':
      return `${name}-png`;
    case 'notes':
    case 'handout-3':
    case 'handout-6':
    case 'handout-3-notes':
    case 'handout-6-notes':
      return `${name}-${kind}.pdf`;
    case 'dist':
      return `dist-${name}`;
    case 'single':
      return `dist-single-${name}`;
  }
}
