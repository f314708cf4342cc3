// Runs a command the way a user would (e.g. `npm run export`) in its own
// process group, times it from spawn to exit, samples the memory of its whole
// process tree, and kills only what it started: its process group while its
// leader runs, then any descendant seen while it ran that is still alive (same
// PID, same start time). (tree-kill would walk the tree with `ps` at the end,
// when a Chromium whose parent already died has been re-parented to init and
// is no longer below the leader: hence every descendant is noted while it runs.)
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { startTime, TreeSampler, type TreeMemory } from './procTree.ts';

export interface StartOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Sample the tree's resident memory every this many ms (default: do not sample). */
  sampleMs?: number;
  /** Read PSS every this many samples (0: never; 1: every sample, which costs CPU). Default 4. */
  pssEvery?: number;
}

export interface Started {
  pid: number;
  child: ChildProcess;
  /** performance.now() just before spawn. */
  startedAt: number;
  output: () => { stdout: string; stderr: string };
  /** Resolves at exit with the code (or null when killed) and performance.now() of the exit. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Resolves when its output pipes are closed. */
  closed: Promise<void>;
  sampler?: TreeSampler;
  /** Ends the process group and any leftover descendant, and waits for the exit. */
  stop: () => Promise<void>;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is gone already
  }
}

/** Kills descendants seen while running that are still the same processes. */
function killLeftovers(seen: Map<number, number>): number {
  let killed = 0;
  for (const [pid, started] of seen) {
    if (pid === process.pid) continue;
    if (startTime(pid) !== started) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed++;
    } catch {
      // gone meanwhile
    }
  }
  return killed;
}

/** Everything started and not yet stopped, for stopAll() on Ctrl-C. */
const live = new Set<Started>();

/** Stops every process tree this module started that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.allSettled([...live].map((s) => s.stop()));
}

export function startTree(command: string, args: string[], options: StartOptions): Started {
  let stdout = '';
  let stderr = '';
  const startedAt = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true, // its own process group: stop() signals exactly this group
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const sampler = options.sampleMs ? new TreeSampler(pid, options.sampleMs, options.pssEvery ?? 4).start() : undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const at = performance.now();
      sampler?.stop();
      resolve({ code, signal, at });
    });
  });
  exited.catch(() => {});
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup(pid, 'SIGTERM');
      const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 3000))]);
      if (!gone) signalGroup(pid, 'SIGKILL');
      await exited.catch(() => {});
    }
    // The group is not signalled once its leader is gone (its number could be
    // reused); descendants seen while it ran are found by PID and start time.
    if (sampler) killLeftovers(sampler.seen);
    live.delete(started);
  };
  const started: Started = { pid, child, startedAt, output: () => ({ stdout, stderr }), exited, closed, sampler, stop };
  live.add(started);
  return started;
}

export interface RunResult {
  code: number | null;
  wallMs: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the tree (when sampled). */
  peak?: TreeMemory;
  /** Peak proportional set size of the tree (sampled less often). */
  peakPssBytes?: number;
  maxProcesses?: number;
  timedOut: boolean;
}

/** Runs a command to its end (or the timeout), timed from spawn to exit. */
export async function runTree(command: string, args: string[], options: StartOptions & { timeoutMs: number }): Promise<RunResult> {
  const started = startTree(command, args, { ...options, sampleMs: options.sampleMs ?? 100 });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void started.stop();
  }, options.timeoutMs);
  try {
    const { code, at } = await started.exited;
    // Let the pipes drain (a grandchild may still hold them for a moment).
    await Promise.race([started.closed, sleep(2000)]);
    const { stdout, stderr } = started.output();
    return {
      code,
      wallMs: at - started.startedAt,
      stdout,
      stderr,
      peak: started.sampler?.peak,
      peakPssBytes: started.sampler?.peakPssBytes,
      maxProcesses: started.sampler?.maxProcesses,
      timedOut,
    };
  } finally {
    clearTimeout(timer);
    await started.stop();
  }
}

/** Why a run failed, in one line: its exit, its error lines (or its last lines). */
export function failureText(r: Pick<RunResult, 'code' | 'timedOut' | 'stdout' | 'stderr'>): string {
  const lines = `${r.stderr}\n${r.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const errors = lines.filter((l) => /error|failed|cannot|ENOENT|EEXIST/i.test(l) && !l.startsWith('at '));
  const shown = (errors.length > 0 ? errors.slice(0, 3) : lines.slice(-3)).map((l) => l.slice(0, 300));
  return `${r.timedOut ? 'timed out' : `exit ${r.code}`}: ${shown.join(' | ')}`;
}

/**
 * Reads a started command's output every 50 ms until `found` gives an answer; throws with the
 * command's own words when it exits first or `timeoutMs` passes.
 */
export async function waitForOutput<T>(started: Started, found: (stdout: string) => T | undefined, timeoutMs: number): Promise<T> {
  for (const end = performance.now() + timeoutMs; ; await sleep(50)) {
    const answer = found(started.output().stdout);
    if (answer !== undefined) return answer;
    const code = started.child.exitCode;
    if (code !== null) throw new Error(failureText({ code, timedOut: false, ...started.output() }));
    if (performance.now() > end) throw new Error(failureText({ code: null, timedOut: true, ...started.output() }));
  }
}
