// Every process a command starts ends with it: a dev server whose npm is
// killed stops serving; an export killed by any signal, SIGKILL included,
// leaves no Chromium running, and the next command removes the temporary
// folders a SIGKILL left behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';

/** Running, as opposed to gone or a zombie waiting for init to reap it. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Chromium processes whose profile is a folder of process `pid`. */
function chromiumOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(`iur-chrome-${pid}-`) && running(Number(name))) out.push(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

const tempOf = (pid: number) =>
  readdirSync(os.tmpdir()).filter((n) => n.startsWith(`iur-chrome-${pid}-`) || n.startsWith(`iur-export-${pid}-`));

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (check()) return true;
  return check();
}

/** Starts an export of the talk and waits until its Chromium runs. */
async function exportWithChromium(out: string): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, ['src/cli/bin.mjs', 'export', '--out', out], { stdio: 'ignore' });
  const pid = child.pid as number;
  expect(await until(() => chromiumOf(pid).length > 0, 30_000)).toBe(true);
  return child as ChildProcess & { pid: number };
}

describe('an export that is killed', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('by %s leaves no Chromium and no temporary folder', async (signal) => {
    const child = await exportWithChromium(`${os.tmpdir()}/iur-lifecycle-${signal}.pdf`);
    child.kill(signal);
    expect(await until(() => !running(child.pid), 15_000)).toBe(true);
    expect(await until(() => chromiumOf(child.pid).length === 0, 3000)).toBe(true);
    expect(tempOf(child.pid)).toEqual([]);
  });

  it('by SIGKILL leaves no Chromium; the next export removes its folders', async () => {
    const out = `${os.tmpdir()}/iur-lifecycle-kill.pdf`;
    const child = await exportWithChromium(out);
    child.kill('SIGKILL');
    // Chromium reads its commands from a pipe: when the pipe closes, it exits.
    expect(await until(() => chromiumOf(child.pid).length === 0, 5000)).toBe(true);
    expect(tempOf(child.pid).length).toBeGreaterThan(0);
    const next = spawn(process.execPath, ['src/cli/bin.mjs', 'export', '--out', out], { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => next.once('exit', resolve));
    expect(code).toBe(0);
    expect(tempOf(child.pid)).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });
});

describe('a dev server whose npm is killed', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)('by %s stops within a second', async (signal) => {
    const port = signal === 'SIGTERM' ? 5481 : 5482;
    const npm = spawn('npm', ['run', 'dev', '--', '--port', String(port)], { stdio: 'ignore' });
    const answers = () =>
      fetch(`http://localhost:${port}/`).then(
        (r) => r.ok,
        () => false,
      );
    let up = false;
    for (let i = 0; i < 200 && !up; i++) {
      up = await answers();
      if (!up) await sleep(100);
    }
    expect(up).toBe(true);
    npm.kill(signal);
    await sleep(1000);
    expect(await answers()).toBe(false);
  });
});

/** The `present-build` child of process `pid`, if it runs now. */
function buildChildOf(pid: number): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').includes('present-build')) return Number(name);
    } catch {
      /* gone meanwhile */
    }
  }
  return undefined;
}

describe('present killed while its build child runs', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGKILL'] as const)('by %s leaves no build process', async (signal) => {
    const child = spawn(process.execPath, ['src/cli/bin.mjs', 'present', '--port', '5484', '--fresh'], { stdio: 'ignore' });
    const pid = child.pid as number;
    let build: number | undefined;
    expect(await until(() => (build = buildChildOf(pid)) !== undefined, 60_000)).toBe(true);
    child.kill(signal);
    expect(await until(() => !running(pid), 5000)).toBe(true);
    expect(await until(() => !running(build as number), 5000)).toBe(true);
  });
});
