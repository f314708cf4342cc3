// Writing FILE atomically (temporary file beside it, then rename) and the
// progress reporter's plain and terminal output.
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partialPath } from '../../../src/process/temporaries.ts';
import { writeFileAtomic } from '../../../src/project/atomicFile.ts';
import { Progress } from '../../../src/export/progress.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-export-atomic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates, then replaces, leaving nothing beside the file', async () => {
    const file = path.join(dir, 'a', 'deck.pdf');
    await writeFileAtomic(file, new TextEncoder().encode('one'));
    await writeFileAtomic(file, new TextEncoder().encode('two'));
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(path.dirname(file))).toEqual(['deck.pdf']);
  });

  it('uses a hidden temporary file in the same folder (rename stays on one file system)', () => {
    const temp = partialPath('/x/y/deck.pdf');
    expect(path.dirname(temp)).toBe('/x/y');
    expect(path.basename(temp)).toMatch(/^\.deck\.pdf\.\d+-\d+-[0-9a-f]{8}\.partial$/);
  });

  it('leaves the old file and no temporary file when it fails', async () => {
    const target = path.join(dir, 'b', 'deck.pdf');
    await mkdir(target, { recursive: true }); // a folder where the file should go: rename fails
    await writeFile(path.join(target, 'keep'), 'old');
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(await readdir(path.dirname(target))).toEqual(['deck.pdf']);
    expect(await readFile(path.join(target, 'keep'), 'utf8')).toBe('old');
  });
});

function sink(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  stream.isTTY = isTTY;
  return { stream, text: () => out };
}

describe('Progress', () => {
  it('prints plain lines when not a terminal, without transient counts or repeats', () => {
    const s = sink(false);
    const p = new Progress({ stream: s.stream });
    p.update('building');
    p.update('building');
    p.update('slides rendered 1/5', { transient: true });
    p.update('slides rendered 5/5');
    p.line('done');
    expect(s.text()).toBe('building\nslides rendered 5/5\ndone\n');
  });

  it('rewrites one line in place on a terminal', () => {
    const s = sink(true);
    const p = new Progress({ stream: s.stream });
    p.update('building');
    p.update('slides rendered 1/5', { transient: true });
    p.line('done');
    expect(s.text()).toBe('\r\x1b[2Kbuilding\r\x1b[2Kslides rendered 1/5\r\x1b[2Kdone\n');
  });

  it('times stages for --verbose', async () => {
    const p = new Progress({ stream: sink(false).stream });
    expect(await p.time('build', () => Promise.resolve(42))).toBe(42);
    await expect(p.time('print', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(p.timings.map((t) => t.stage)).toEqual(['build', 'print']);
    expect(p.timingLines()[0]).toMatch(/^ {2}build {2}\s+\d+ ms$/);
  });
});
