// The store of diagrams drawn by earlier exports keeps only the newest files.
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneOldest } from '../../../src/diagrams/drawnDiagrams.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('pruneOldest', () => {
  it('removes the oldest SVGs beyond the number kept, and nothing else', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'iur-drawn-'));
    dirs.push(dir);
    const now = Date.now() / 1000;
    for (let i = 0; i < 6; i++) {
      const file = path.join(dir, `d${i}.svg`);
      await writeFile(file, '<svg/>');
      await utimes(file, now - 100 + i, now - 100 + i); // d0 oldest … d5 newest
    }
    await writeFile(path.join(dir, 'notes.txt'), 'not an SVG');
    await pruneOldest(dir, 4);
    expect((await readdir(dir)).sort()).toEqual(['d2.svg', 'd3.svg', 'd4.svg', 'd5.svg', 'notes.txt']);
    await pruneOldest(dir, 4);
    expect(await readdir(dir)).toHaveLength(5);
  });
});
