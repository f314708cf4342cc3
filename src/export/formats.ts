// The formats `npm run export` writes, and the one place that picks the module
// for each: one folder per format, whose module implements FormatModule
// (format.ts). A handout is a PDF made by handout/, a client of pdf/.
import type { FormatModule } from './format.ts';

export const FORMATS = ['pdf', 'pptx', 'png'] as const;
export type Format = (typeof FORMATS)[number];

/** What the summary line calls each format. */
export const FORMAT_LABEL: Record<Format, string> = { pdf: 'PDF', pptx: 'PPTX', png: 'PNG' };

/** The module that writes `format`; for a PDF with --handout, the handout's. */
export function loadFormat(format: Format, handout = false): Promise<FormatModule> {
  switch (format) {
    case 'pdf':
      return handout ? import('./handout/handout.ts') : import('./pdf/renderPdf.ts');
    case 'pptx':
      return import('./pptx/renderPptx.ts');
    case 'png':
      return import('./png/renderPng.ts');
  }
}
