// The --watch figure: `npm run export -- --watch` kept running on a copy of
// the slides; save a slide's heading with a new word → the line saying the
// PDF was written (printed after the atomic rename), timed on Node's clock
// from the write of the source file. Also the run's own split (build, swap,
// render) from --verbose.
import { setTimeout as sleep } from 'node:timers/promises';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startTree } from './spawnTree.ts';
import { maybeSummarize, type Summary } from './stats.ts';

export interface WatchFigures {
  command: string;
  /** Save → new PDF written, ms. */
  saveToPdfMs?: Summary;
  /** How the runs updated the page (all "slides swapped in place", or not). */
  inPlace: boolean;
  failures: string[];
}

export interface WatchBenchOptions {
  projectRoot: string;
  /** A copy of the slides, edited here. */
  slidesDir: string;
  outDir: string;
  runs: number;
  warmups: number;
  timeoutMs: number;
  onRun?: (label: string, ms: number) => void;
}

const WRITTEN = /written — .*\((\d+ slides? changed in place|slides swapped in place|page reloaded|page opened); /g;

export async function benchWatch(o: WatchBenchOptions): Promise<WatchFigures> {
  const out = path.join(o.outDir, 'watch.pdf');
  const args = ['run', 'export', '--', '--watch', '--verbose', '--slides', o.slidesDir, '--out', out];
  const figures: WatchFigures = { command: `npm ${args.join(' ')}`, inPlace: true, failures: [] };
  const started = startTree('npm', args, { cwd: o.projectRoot });
  const lines = () => [...started.output().stdout.matchAll(WRITTEN)];
  const waitFor = async (count: number): Promise<boolean> => {
    const deadline = performance.now() + o.timeoutMs;
    while (lines().length < count) {
      if (performance.now() > deadline || started.child.exitCode !== null) return false;
      await sleep(5);
    }
    return true;
  };
  // A titled slide in the middle of the largest file.
  const names = (await readdir(o.slidesDir)).filter((n) => n.endsWith('.md'));
  const sizes = await Promise.all(names.map(async (n) => (await stat(path.join(o.slidesDir, n))).size));
  const file = path.join(o.slidesDir, names[sizes.indexOf(Math.max(...sizes))] ?? 'none.md');
  const original = await readFile(file, 'utf8').catch(() => undefined);
  try {
    if (original === undefined) throw new Error(`${file} not found`);
    if (!(await waitFor(1))) throw new Error(`the first export did not finish: ${started.output().stderr.slice(-300)}`);
    const source = original.split('\n');
    const at = source.findIndex((l, i) => i > source.length / 3 && /^##\s/.test(l));
    if (at < 0) throw new Error('no heading to edit');
    const times: number[] = [];
    for (let i = 0; i < o.warmups + o.runs; i++) {
      await sleep(400); // the watcher settles between saves, as between a user's saves
      const edited = [...source];
      edited[at] = source[at].replace(/^(##\s+)/, `$1W${i} `);
      const savedAt = performance.now();
      await writeFile(file, edited.join('\n'));
      if (!(await waitFor(i + 2))) {
        figures.failures.push(`watch run ${i}: no new PDF within ${o.timeoutMs} ms`);
        break;
      }
      const ms = performance.now() - savedAt;
      o.onRun?.(i < o.warmups ? 'watch (warm-up)' : 'watch: save → PDF', ms);
      if (i < o.warmups) continue;
      times.push(ms);
      figures.inPlace &&= lines()[i + 1][1].endsWith('in place');
    }
    figures.saveToPdfMs = maybeSummarize(times);
  } catch (error) {
    figures.failures.push(`watch: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (original !== undefined) await writeFile(file, original);
    await started.stop();
  }
  return figures;
}
