// The export figures: `npm run export -- --verbose` run as a user runs it
// (the PDF, and the same for the PowerPoint file with --out deck.pptx),
// timed from spawn to exit, split by the stages it prints with --verbose, with
// the peak memory of its whole process tree (npm, Node, Chromium). One export
// with no diagram remembered comes first (src/diagrams/drawnDiagrams.ts).
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DRAWN_DIAGRAMS_DIR } from '../diagrams/drawnDiagrams.ts';
import type { FigureOptions } from './args.ts';
import { failureText, runTree } from './spawnTree.ts';
import { maybeSummarize, type Summary } from './stats.ts';

export interface ExportOutput {
  pages: number;
  /** The command's own total ("PDF written: … N s", "PPTX written: …"), in ms (0.1 s precision). */
  reportedMs: number;
  /** Stage timings from --verbose, in ms, in the order printed. */
  stages: Record<string, number>;
}

/** Reads the summary and the --verbose stage lines of `npm run export`. */
export function parseExportOutput(stdout: string): ExportOutput | undefined {
  const lines = stdout.split('\n');
  const at = lines.findIndex((l) => /^(PDF|PPTX|PNG) written:/.test(l));
  if (at < 0) return undefined;
  const summary = /—\s*(\d+) (?:pages?|slides?|pictures?).*?,\s*([\d.]+) s\s*$/.exec(lines[at]);
  const stages: Record<string, number> = {};
  for (const line of lines.slice(at + 1)) {
    const m = /^\s+(\S(?:.*\S)?)\s{2,}(\d+) ms\s*$/.exec(line);
    if (m) stages[m[1]] = Number(m[2]);
  }
  return { pages: Number(summary?.[1] ?? 0), reportedMs: Number(summary?.[2] ?? 0) * 1000, stages };
}

/**
 * What happened outside the stages the command times: npm starting, and
 * anything after the export ended. The browser launch overlaps loading the
 * rest of the code, the build and the server; only the longer side is waited for.
 */
export function outsideStages(wallMs: number, stages: Record<string, number>): number {
  const { ['browser launch']: launch = 0, load = 0, build = 0, serve = 0, ...rest } = stages;
  const sequential = Math.max(launch, load + build + serve) + Object.values(rest).reduce((s, ms) => s + ms, 0);
  return Math.max(0, wallMs - sequential);
}

export const OUTSIDE_STAGE = 'npm start + exit';

export interface ExportFigures {
  command: string;
  runs: number;
  /** One export with no diagram drawn before (the first export after a change to every diagram). */
  firstWallMs?: number;
  wallMs?: Summary;
  /** Per stage; includes OUTSIDE_STAGE. */
  stagesMs: Record<string, Summary>;
  peakRssBytes?: Summary;
  /** Peak PSS of the tree (shared pages counted once), from a separate run sampling it every 50 ms. */
  peakPssBytes?: Summary;
  /** Median over runs of the Chromium and the Node share at each run's peak. */
  peakChromiumBytes?: Summary;
  peakNodeBytes?: Summary;
  maxProcesses?: number;
  pages?: number;
  /** Size of the file written (the PDF; the .pptx for the PowerPoint figure). */
  pdfBytes?: number;
  failures: string[];
}

/** A folder as shown in the report: relative to the project, or <tmp>/… */
export function shown(cwd: string, dir: string): string {
  const rel = path.relative(cwd, dir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : `<tmp>/${path.basename(dir)}`;
}

export interface ExportBenchOptions extends FigureOptions {
  outDir: string;
  /** The file written: deck.pdf (default) or deck.pptx. */
  outName?: string;
}

export async function benchExport(o: ExportBenchOptions): Promise<ExportFigures> {
  const outName = o.outName ?? 'deck.pdf';
  const out = path.join(o.outDir, outName);
  const args = ['run', 'export', '--', '--verbose', '--slides', o.slidesDir, '--out', out];
  const walls: number[] = [];
  const peaks: number[] = [];
  const pss: number[] = [];
  const chromium: number[] = [];
  const node: number[] = [];
  const stages = new Map<string, number[]>();
  const failures: string[] = [];
  let pages: number | undefined;
  let maxProcesses = 0;
  // First an export that draws every diagram (none remembered), then the runs.
  await rm(DRAWN_DIAGRAMS_DIR, { recursive: true, force: true });
  const first = await runTree('npm', args, { cwd: o.projectRoot, sampleMs: 50, timeoutMs: o.timeoutMs });
  if (first.code === 0) o.onRun?.('export (diagrams drawn)', first.wallMs);
  else failures.push(`export (diagrams drawn): ${failureText(first)}`);
  // Timed runs read only RSS (cheap); one more run reads PSS at every sample,
  // which takes CPU from the export and so is not timed.
  for (let i = 0; i < o.warmups + o.runs + 1; i++) {
    const warm = i < o.warmups;
    const memoryRun = i === o.warmups + o.runs;
    const r = await runTree('npm', args, { cwd: o.projectRoot, sampleMs: 50, pssEvery: memoryRun ? 1 : 0, timeoutMs: o.timeoutMs });
    const parsed = r.code === 0 ? parseExportOutput(r.stdout) : undefined;
    if (!parsed) {
      failures.push(`export: ${failureText(r)}`);
      continue;
    }
    o.onRun?.(warm ? 'export (warm-up)' : memoryRun ? 'export (memory)' : 'export', r.wallMs);
    if (warm) continue;
    if (memoryRun) {
      if (r.peakPssBytes) pss.push(r.peakPssBytes);
      continue;
    }
    walls.push(r.wallMs);
    pages = parsed.pages;
    for (const [stage, ms] of Object.entries({ ...parsed.stages, [OUTSIDE_STAGE]: outsideStages(r.wallMs, parsed.stages) })) {
      stages.set(stage, [...(stages.get(stage) ?? []), ms]);
    }
    if (r.peak) {
      peaks.push(r.peak.totalBytes);
      chromium.push(r.peak.byKind.chromium);
      node.push(r.peak.byKind.node);
    }
    maxProcesses = Math.max(maxProcesses, r.maxProcesses ?? 0);
  }
  const pdfBytes = await stat(out).then(
    (s) => s.size,
    () => undefined,
  );
  const stagesMs: Record<string, Summary> = {};
  for (const [stage, values] of stages) stagesMs[stage] = maybeSummarize(values) as Summary;
  return {
    command: `npm run export -- --verbose --slides ${shown(o.projectRoot, o.slidesDir)} --out <tmp>/${outName}`,
    runs: walls.length,
    firstWallMs: first.code === 0 ? first.wallMs : undefined,
    wallMs: maybeSummarize(walls),
    stagesMs,
    peakRssBytes: maybeSummarize(peaks),
    peakPssBytes: maybeSummarize(pss),
    peakChromiumBytes: maybeSummarize(chromium),
    peakNodeBytes: maybeSummarize(node),
    maxProcesses,
    pages,
    pdfBytes,
    failures,
  };
}
