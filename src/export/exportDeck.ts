// `npm run export`: one pass of the export pipeline (pipeline/pass.ts) in a
// session of its own. Chromium starts first (it takes longest); the stages'
// modules load meanwhile. Whatever happens, the session ends: Chromium, the
// server and the temporary folder go.
import type { Problem } from '../shared/problem.ts';
import type { ExportOptions } from './args.ts';
import { startSession } from './pipeline/session.ts';
import type { Progress } from './progress.ts';
import { loadFormat } from './registry.ts';

export interface ExportResult {
  /** Absolute path of the written file (for PNG: the folder). */
  file: string;
  /** Pages of the PDF, slides of the PowerPoint, pictures of PNG. */
  pages: number;
  bytes: number;
  /** Slides exported (all, or those of --range). */
  slides: number;
  /** Warnings from the deck (errors stop the export). */
  warnings: Problem[];
  /** Diagrams drawn by an earlier export, of all distinct diagrams. */
  diagrams: { reused: number; total: number };
}

export async function exportDeck(options: ExportOptions, progress: Progress, log?: (line: string) => void): Promise<ExportResult> {
  const session = startSession(progress);
  try {
    // Every stage, loaded while Chromium starts.
    const [{ runPass }, { PrintView }, format] = await progress.time('load', () =>
      Promise.all([import('./pipeline/pass.ts'), import('./pipeline/page.ts'), loadFormat(options.format, options.handout !== undefined)]),
    );
    const stages = { session, view: new PrintView(session, log), format };
    const pass = await runPass(stages, options, { verifyDiagrams: true, closeEarly: true, durable: true }, progress);
    return {
      file: pass.file,
      pages: pass.output.pages,
      bytes: pass.bytes,
      slides: pass.slides,
      warnings: pass.warnings,
      diagrams: pass.diagrams,
    };
  } finally {
    await progress.time('close', () => session.close());
  }
}
