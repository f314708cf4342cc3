// The language server and its Chromium end together, however the editor
// lets go: the editor closes the server's input, sends SIGTERM, or dies
// itself (the server's parent gone while its streams stay open). In each case
// the server exits and no Chromium of its stays behind.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, processTree } from '../../../src/bench/procTree.ts';
import { ROOT, startLsp, type LspClient } from '../../helpers/lspClient.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-lsp-lifecycle-'));
  await cp(path.join(ROOT, 'tests/fixtures/lsp'), dir, { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const isChromium = (pid: number) => {
  try {
    return /chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '');
  } catch {
    return false;
  }
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A server with its Chromium up; the server's PID and its Chromium processes. */
async function serverWithChromium(throughParent = false): Promise<{ lsp: LspClient; server: number; chromium: number[] }> {
  const lsp = await startLsp({ throughParent });
  await lsp.open(path.join(dir, '02-body.md'));
  const serverPid = () => (throughParent ? (childrenOf(lsp.child.pid ?? 0)[0] ?? 0) : (lsp.child.pid ?? 0));
  await expect
    .poll(() => childrenOf(serverPid()).filter(isChromium), { timeout: 60_000, message: "the server's Chromium" })
    .toHaveLength(1);
  const server = serverPid();
  return { lsp, server, chromium: processTree(server).filter(isChromium) };
}

async function gone(pids: number[], what: string): Promise<void> {
  await expect.poll(() => pids.filter(alive), { timeout: 15_000, message: what }).toEqual([]);
}

describe('the server ends with its editor, and Chromium with it', () => {
  it('when the editor closes its input', async () => {
    const { lsp, server, chromium } = await serverWithChromium();
    lsp.child.stdin?.end();
    await gone([server, ...chromium], 'the server and its Chromium to end after its input closed');
    expect(lsp.child.exitCode).toBe(0);
    lsp.connection.dispose();
  });

  it('on SIGTERM', async () => {
    const { lsp, server, chromium } = await serverWithChromium();
    process.kill(server, 'SIGTERM');
    await gone([server, ...chromium], 'the server and its Chromium to end on SIGTERM');
    expect(lsp.child.exitCode).toBe(143);
    lsp.connection.dispose();
  });

  it('when the process that started it dies', async () => {
    const { lsp, server, chromium } = await serverWithChromium(true);
    lsp.child.kill('SIGKILL');
    await gone([server, ...chromium], 'the server and its Chromium to end with their parent');
    expect(alive(server)).toBe(false);
    lsp.connection.dispose();
  });
});
