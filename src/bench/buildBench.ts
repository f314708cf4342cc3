// The build figures: `npm run build` cold (the font-subset cache and Vite's
// cache removed first) and warm, the single-file build, and the bytes of what
// they write (dist/ total, the font subset). Builds go to a temporary --out,
// never over the project's own dist/.
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { failureText, runTree } from './spawnTree.ts';
import { maybeSummarize, type Summary } from './stats.ts';
import { bytesEndingWith, dirBytes } from './sizes.ts';
import { shown } from './exportBench.ts';
import type { FigureOptions } from './args.ts';

/** The caches a cold build starts without: exactly these two folders, nothing else. */
export function coldCacheDirs(projectRoot: string): string[] {
  return [path.join(projectRoot, 'node_modules', '.cache', 'iur-deck'), path.join(projectRoot, 'node_modules', '.vite')];
}

export async function removeCaches(projectRoot: string): Promise<void> {
  for (const dir of coldCacheDirs(projectRoot)) await rm(dir, { recursive: true, force: true });
}

export interface BuildFigures {
  command: string;
  coldMs?: Summary;
  warmMs?: Summary;
  distBytes?: number;
  fontBytes?: number;
  fontFiles?: number;
  /** The single-file build: its index.html, and how long it took (one run, warm). */
  singleBytes?: number;
  singleMs?: number;
  /** The warm dist/ folder, for the page-bytes figure. */
  distDir: string;
  failures: string[];
}

export interface BuildBenchOptions extends FigureOptions {
  outDir: string;
}

export async function benchBuild(o: BuildBenchOptions): Promise<BuildFigures> {
  const distDir = path.join(o.outDir, 'dist');
  const args = ['run', 'build', '--', '--slides', o.slidesDir, '--out', distDir];
  const failures: string[] = [];
  const once = async (label: string): Promise<number | undefined> => {
    const r = await runTree('npm', args, { cwd: o.projectRoot, timeoutMs: o.timeoutMs });
    if (r.code !== 0) {
      failures.push(`${label}: ${failureText(r)}`);
      return undefined;
    }
    o.onRun?.(label, r.wallMs);
    return r.wallMs;
  };
  const cold: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    await removeCaches(o.projectRoot);
    const ms = await once('build (cold)');
    if (ms !== undefined) cold.push(ms);
  }
  const warm: number[] = [];
  for (let i = 0; i < o.warmups + o.runs; i++) {
    const ms = await once(i < o.warmups ? 'build (warm-up)' : 'build (warm)');
    if (ms !== undefined && i >= o.warmups) warm.push(ms);
  }
  const built = await stat(path.join(distDir, 'index.html')).then(
    () => true,
    () => false,
  );
  const font = built ? await bytesEndingWith(distDir, '.woff2') : undefined;

  // The single-file build, into its own folder (its index.html is the figure).
  const singleDir = path.join(o.outDir, 'dist-single');
  const single = await runTree('npm', ['run', 'build', '--', '--single', '--slides', o.slidesDir, '--out', singleDir], {
    cwd: o.projectRoot,
    timeoutMs: o.timeoutMs,
  });
  const singleBytes =
    single.code === 0
      ? await stat(path.join(singleDir, 'index.html')).then(
          (s) => s.size,
          () => undefined,
        )
      : undefined;
  if (single.code !== 0) failures.push(`build --single: ${failureText(single)}`);
  else o.onRun?.('build --single', single.wallMs);

  return {
    command: `npm run build -- --slides ${shown(o.projectRoot, o.slidesDir)} --out <tmp>/dist`,
    coldMs: maybeSummarize(cold),
    warmMs: maybeSummarize(warm),
    distBytes: built ? await dirBytes(distDir) : undefined,
    fontBytes: font?.bytes,
    fontFiles: font?.files,
    singleBytes,
    singleMs: singleBytes !== undefined ? single.wallMs : undefined,
    distDir,
    failures,
  };
}
