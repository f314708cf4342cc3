// The formats `npm run export` writes, and the one place that picks the module
// for each: every format opens the same print view (printPage.ts), takes what
// it needs while the browser runs (render), and makes its bytes after the
// browser is closed (finish).
import type { Problem } from '../deck/model.ts';
import type { Progress } from './progress.ts';
import type { RenderOptions, RenderTarget } from './renderPdf.ts';

export const FORMATS = ['pdf', 'pptx', 'png'] as const;
export type Format = (typeof FORMATS)[number];

/** What an export writes: one file, or a folder of files (PNG). */
export type Output =
  | { kind: 'file'; data: Uint8Array; pages: number }
  | { kind: 'folder'; files: { name: string; data: Uint8Array }[]; pages: number };

export interface Captured {
  /** Diagrams the page drew itself (Mermaid source → SVG), to remember. */
  drawn: Record<string, string>;
  /** What the deck doctor found on the laid-out slides (printPage.ts). */
  doctor: Problem[];
  /** Makes the output; needs no browser. */
  finish(progress: Progress): Promise<Output>;
}

export interface FormatModule {
  render(target: RenderTarget, options: RenderOptions, progress: Progress, log?: (line: string) => void): Promise<Captured>;
}

/** What the summary line calls each format. */
export const FORMAT_LABEL: Record<Format, string> = { pdf: 'PDF', pptx: 'PPTX', png: 'PNG' };

export function loadFormat(format: Format): Promise<FormatModule> {
  switch (format) {
    case 'pdf':
      return import('./renderPdf.ts');
    case 'pptx':
      return import('./pptx/renderPptx.ts');
    case 'png':
      return import('./png/renderPng.ts');
  }
}
