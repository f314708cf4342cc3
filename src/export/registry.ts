// The formats `npm run export` writes, and the one place that picks the module
// for each: one folder per format, whose module implements FormatModule
// (contract.ts), and one entry here. A handout is a PDF made by handout/, a
// client of pdf/.
import type { FormatModule } from './contract.ts';

/** Per format: what the summary line calls it, and its module (for a PDF with --handout, the handout's). */
const MODULES = {
  pdf: { label: 'PDF', load: (handout: boolean) => (handout ? import('./handout/handout.ts') : import('./pdf/renderPdf.ts')) },
  pptx: { label: 'PPTX', load: () => import('./pptx/renderPptx.ts') },
  png: { label: 'PNG', load: () => import('./png/renderPng.ts') },
} satisfies Record<string, { label: string; load: (handout: boolean) => Promise<FormatModule> }>;

export type Format = keyof typeof MODULES;
export const FORMATS = Object.keys(MODULES) as readonly Format[];

/** What the summary line calls each format. */
export const FORMAT_LABEL = Object.fromEntries(FORMATS.map((f) => [f, MODULES[f].label])) as Record<Format, string>;

/** The module that writes `format`; for a PDF with --handout, the handout's. */
export function loadFormat(format: Format, handout = false): Promise<FormatModule> {
  return MODULES[format].load(handout);
}
