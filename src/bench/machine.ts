// Describes the machine a benchmark ran on: CPU model and cores, memory,
// load average, OS, Node and Chromium versions.
import os from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  /** 1, 5 and 15 minute load averages when the benchmark started and ended. */
  loadStart: number[];
  loadEnd?: number[];
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty}, Linux ${os.release()}`;
  } catch {
    // not Linux, or no os-release
  }
  return `${os.type()} ${os.release()}`;
}

export function describeMachine(chromium: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    node: process.version,
    chromium,
    loadStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function loadNow(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}

export function machineLine(m: Machine): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  return [
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}`,
    `Node ${m.node}, ${m.chromium}`,
    `load average ${load(m.loadStart)} at start${m.loadEnd ? `, ${load(m.loadEnd)} at end` : ''}`,
  ].join('\n');
}
