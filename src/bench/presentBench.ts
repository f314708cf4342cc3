// The `present` figure: what the server that stays for the whole talk holds.
// Spawns `npm run present -- --remote --host 127.0.0.2` (the phone remote's
// listener on a loopback address, so nothing listens beyond this computer) on
// a copy of the slides, waits until it says it is serving, lets it sit idle,
// then reads its whole process tree from /proc (npm, its shell, the server,
// and anything else still running): RSS summed, and PSS (shared pages counted
// once). Also kept: the tree's peak while it built (the build child's memory,
// given back when the child exits), and the server process's own RSS.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FigureOptions } from './args.ts';
import { freePort } from './devSession.ts';
import { pssOf, treeMemory } from './procTree.ts';
import { startTree, waitForOutput, type Started } from './spawnTree.ts';
import { maybeSummarize, type Summary } from './stats.ts';
import { talkFile } from '../present/talkStore.ts';

export interface PresentFigures {
  command: string;
  /** RSS summed over the whole tree, idle after the build. */
  idleRssBytes?: Summary;
  /** PSS summed over the whole tree, idle after the build. */
  idlePssBytes?: Summary;
  /** The server process's own RSS, idle (npm and its shell apart). */
  serverRssBytes?: Summary;
  /** Peak RSS of the tree during start-up and build (sampled every 50 ms). */
  peakRssBytes?: Summary;
  /** Processes in the tree when idle (npm, sh, node: a build child left running would show). */
  processes?: number;
  failures: string[];
}

/** How long it sits idle before it is read: timers, the first GC after the build. */
const IDLE_MS = 5000;
const READY = 'Ctrl+C ends it.';

/** Waits until it says it is serving; returns ms since spawn. */
async function untilServing(started: Started, timeoutMs: number): Promise<number> {
  await waitForOutput(started, (stdout) => stdout.includes(READY) || undefined, timeoutMs);
  return performance.now() - started.startedAt;
}

/** Whether a process is present's server (src/cli/bin.mjs present …), not npm or its shell. */
function isServer(pid: number): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return argv.some((a) => a.endsWith('bin.mjs')) && argv.includes('present');
  } catch {
    return false;
  }
}

/** `present`'s idle memory over `warmups + runs` fresh starts. */
export async function benchPresent(o: FigureOptions): Promise<PresentFigures> {
  const idleRss: number[] = [];
  const idlePss: number[] = [];
  const serverRss: number[] = [];
  const peak: number[] = [];
  const failures: string[] = [];
  let processes: number | undefined;
  for (let i = 0; i < o.warmups + o.runs; i++) {
    const port = await freePort();
    const args = ['run', 'present', '--', '--slides', o.slidesDir, '--port', String(port), '--fresh', '--remote', '--host', '127.0.0.2'];
    const started = startTree('npm', args, { cwd: o.projectRoot, sampleMs: 50, pssEvery: 0 });
    try {
      const servingMs = await untilServing(started, o.timeoutMs);
      await sleep(IDLE_MS);
      const { memory, infos } = treeMemory(started.pid);
      const pss = infos.reduce((sum, p) => sum + (pssOf(p.pid) ?? 0), 0);
      const server = infos.find((p) => isServer(p.pid));
      const mib = (memory.totalBytes / 1024 / 1024).toFixed(0);
      o.onRun?.(`present start → serving${i < o.warmups ? ' (warm-up)' : ''}, then idle: tree ${mib} MiB RSS`, servingMs);
      if (i < o.warmups) continue;
      idleRss.push(memory.totalBytes);
      idlePss.push(pss);
      if (server) serverRss.push(server.rssBytes);
      if (started.sampler) peak.push(started.sampler.peak.totalBytes);
      processes = memory.processes;
    } catch (error) {
      failures.push(`present run ${i}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    } finally {
      await started.stop();
    }
  }
  // The talk each run kept (--fresh, on the copy): not left in the cache.
  await rm(talkFile(o.slidesDir), { force: true });
  return {
    command: `npm run present -- --slides <tmp>/${path.basename(o.slidesDir)} --port <free port> --fresh --remote --host 127.0.0.2`,
    idleRssBytes: maybeSummarize(idleRss),
    idlePssBytes: maybeSummarize(idlePss),
    serverRssBytes: maybeSummarize(serverRss),
    peakRssBytes: maybeSummarize(peak),
    processes,
    failures,
  };
}
