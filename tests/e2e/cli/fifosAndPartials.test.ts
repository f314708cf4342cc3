// Only regular files are read, through the real command line: a FIFO in the
// slides folder, as a slide or as rehearsal.json, is an error naming it at
// once (it used to hang build and export for ever, past --timeout). And the
// temporary file a killed export left beside its output (.X.pdf.<pid>.partial)
// is removed by the next export, when its process is gone.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/deckPage.ts';

let dir: string;

function cli(args: string[]): { code: number | null; signal: NodeJS.Signals | null; err: string } {
  const r = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], { encoding: 'utf8', timeout: 150_000 });
  return { code: r.status, signal: r.signal, err: r.stderr };
}

beforeAll(async () => {
  dir = await tempDir('fifos-partials');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a FIFO in the slides folder', () => {
  it('as a slide file: build fails at once, naming it', async () => {
    const slides = path.join(dir, 'fifo-md');
    await cp('tests/fixtures/basic', slides, { recursive: true });
    execFileSync('mkfifo', [path.join(slides, '03-pipe.md')]);
    const run = cli(['build', '--slides', slides, '--out', path.join(dir, 'dist-fifo')]);
    expect(run.signal).toBe(null);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/fifo-md\/03-pipe\.md:1: error: this is a FIFO \(named pipe\), not a file/);
  }, 160_000);

  it('as rehearsal.json: export fails at once, naming it, writing nothing', async () => {
    const slides = path.join(dir, 'fifo-json');
    await cp('tests/fixtures/basic', slides, { recursive: true });
    execFileSync('mkfifo', [path.join(slides, 'rehearsal.json')]);
    const pdf = path.join(dir, 'fifo.pdf');
    const run = cli(['export', '--slides', slides, '--out', pdf, '--timeout', '20']);
    expect(run.signal).toBe(null);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/fifo-json\/rehearsal\.json: error: this is a FIFO \(named pipe\), not a file/);
    expect(existsSync(pdf)).toBe(false);
  }, 160_000);
});

describe('stale partial files', () => {
  it("the next export removes those of dead processes, and keeps a running one's", async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = path.join(dir, `.kh.pdf.${dead}.partial`);
    const running = path.join(dir, `.kh.pdf.${process.pid}.partial`);
    await writeFile(stale, 'left by kill -9');
    await writeFile(running, 'being written');
    const run = cli(['export', '--slides', 'tests/fixtures/basic', '--handout', '3', '--out', path.join(dir, 'kh.pdf')]);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'kh.pdf'))).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(running)).toBe(true);
  }, 160_000);
});
