// The process tree of a PID read from Linux /proc: its descendants (through
// /proc/<pid>/task/*/children), their resident memory (VmRSS), and a sampler
// that records the peak resident memory of the whole tree while it runs.
//
// Why not pidtree or pidusage: pidtree lists a tree by spawning `ps -A` on
// each call, which at 20 samples a second would add a process of its own to
// the load being measured; pidusage reads CPU and RSS only, and the bench's
// memory figure is PSS (each shared page counted once), which only
// /proc/<pid>/smaps_rollup gives. Reading /proc directly is a few file reads
// per process and sample, with no process spawned.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process (or thread) ended meanwhile
  }
}

/** Direct children of a process, over all its threads. */
export function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out = new Set<number>();
  for (const task of tasks) {
    for (const word of (read(`/proc/${pid}/task/${task}/children`) ?? '').split(/\s+/)) {
      if (word) out.add(Number(word));
    }
  }
  return [...out];
}

/** The process and all its descendants (breadth first, root first). */
export function processTree(root: number): number[] {
  const seen = new Set<number>();
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    queue.push(...childrenOf(pid));
  }
  return [...seen].filter((pid) => pid === root || read(`/proc/${pid}/status`) !== undefined);
}

/** Base name of a process's executable, if it may be read. */
function exeName(pid: number): string | undefined {
  try {
    return path.basename(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return undefined;
  }
}

export interface ProcessInfo {
  pid: number;
  /** The command name (/proc/<pid>/status Name:), e.g. node, npm, chromium. */
  name: string;
  rssBytes: number;
}

export function processInfo(pid: number): ProcessInfo | undefined {
  const status = read(`/proc/${pid}/status`);
  if (!status) return undefined;
  let name = /^Name:\s*(.*)$/m.exec(status)?.[1]?.trim() ?? '?';
  // Node 24 names its main thread, which is what Name: shows: the executable says what it is.
  if (name === 'MainThread') name = exeName(pid) ?? name;
  const rssKiB = Number(/^VmRSS:\s*(\d+)\s*kB/m.exec(status)?.[1] ?? 0);
  return { pid, name, rssBytes: rssKiB * 1024 };
}

/** Proportional set size: resident memory with each shared page split among its sharers. */
export function pssOf(pid: number): number | undefined {
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  const kib = rollup ? /^Pss:\s*(\d+)\s*kB/m.exec(rollup)?.[1] : undefined;
  return kib === undefined ? undefined : Number(kib) * 1024;
}

/** Start time of a process in clock ticks since boot: with the PID, names a process uniquely. */
export function startTime(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Fields after the command name (which may hold spaces), starting at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[19]);
}

/** Which kind of process this is, for the memory split: chromium, node or other. */
export function kindOf(name: string): 'chromium' | 'node' | 'other' {
  if (/chrom|headless_shell/i.test(name)) return 'chromium';
  if (/^(node|npm|npx|tsx)$/i.test(name)) return 'node';
  return 'other';
}

export interface TreeMemory {
  totalBytes: number;
  byKind: Record<'chromium' | 'node' | 'other', number>;
  processes: number;
}

/** Resident memory of the whole tree now (the sum of VmRSS; shared pages count once per process). */
export function treeMemory(root: number): { memory: TreeMemory; infos: ProcessInfo[] } {
  const infos = processTree(root)
    .map(processInfo)
    .filter((i): i is ProcessInfo => i !== undefined);
  const byKind = { chromium: 0, node: 0, other: 0 };
  for (const info of infos) byKind[kindOf(info.name)] += info.rssBytes;
  return { memory: { totalBytes: infos.reduce((s, i) => s + i.rssBytes, 0), byKind, processes: infos.length }, infos };
}

/**
 * Samples a tree every `intervalMs` and keeps the peak RSS (and the split at
 * the peak); every `pssEvery`-th sample also sums PSS (dearer to read: it
 * walks each process's memory map), which counts shared pages once.
 */
export class TreeSampler {
  peak: TreeMemory = { totalBytes: 0, byKind: { chromium: 0, node: 0, other: 0 }, processes: 0 };
  peakPssBytes = 0;
  maxProcesses = 0;
  samples = 0;
  /** Every process seen in the tree, with its start time, so leftovers can be found by PID. */
  readonly seen = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly root: number,
    private readonly intervalMs = 50,
    private readonly pssEvery = 4,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  sample(): void {
    const { memory, infos } = treeMemory(this.root);
    this.samples++;
    for (const info of infos) {
      if (!this.seen.has(info.pid)) {
        const t = startTime(info.pid);
        if (t !== undefined) this.seen.set(info.pid, t);
      }
    }
    if (this.pssEvery > 0 && (this.samples - 1) % this.pssEvery === 0) {
      const pss = infos.reduce((sum, i) => sum + (pssOf(i.pid) ?? 0), 0);
      this.peakPssBytes = Math.max(this.peakPssBytes, pss);
    }
    this.maxProcesses = Math.max(this.maxProcesses, memory.processes);
    if (memory.totalBytes > this.peak.totalBytes) this.peak = memory;
  }

  stop(): TreeMemory {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.peak;
  }
}
