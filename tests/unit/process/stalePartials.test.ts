// Temporaries a killed process left beside an output are removed by the next
// write of that output when their process is gone, and only then: in the one
// scheme (src/process/temporaries.ts), an export's `.X.pdf.<pid>-<n>-<r>.partial`,
// a folder swap's `.partial.old`, a queued JSON write's and a build's folder
// alike; and an older export's `.X.pdf.<pid>.partial`.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStalePartials } from '../../../src/process/temporaries.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('removeStalePartials', () => {
  it("removes the dead processes' temporaries of the target, nothing else", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'iur-stale-'));
    dirs.push(dir);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const alive = process.ppid; // the test runner's parent: running
    const files = [
      `.kh.pdf.${dead}.partial`,
      `.kh.pdf.${dead}-1-0a1b2c3d.partial.old`,
      `.kh.pdf.${alive}-2-0a1b2c3d.partial`,
      `.rehearsal.json.${dead}-3-ab12cd34.partial`,
      `.other.pdf.${dead}.partial`,
      'kh.pdf',
      'notes.txt',
    ];
    for (const f of files) await writeFile(path.join(dir, f), 'x');
    await mkdir(path.join(dir, `.dist.${dead}-1-0a1b2c3d.partial`));
    await mkdir(path.join(dir, `.dist.${dead}-1-0a1b2c3d.partial.old`));
    await mkdir(path.join(dir, `.dist.${alive}-1-0a1b2c3d.partial`));
    expect(removeStalePartials(path.join(dir, 'kh.pdf'))).toBe(2);
    expect(removeStalePartials(path.join(dir, 'rehearsal.json'))).toBe(1);
    expect(removeStalePartials(path.join(dir, 'dist'))).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(
      [
        `.kh.pdf.${alive}-2-0a1b2c3d.partial`,
        `.other.pdf.${dead}.partial`,
        `.dist.${alive}-1-0a1b2c3d.partial`,
        'kh.pdf',
        'notes.txt',
      ].sort(),
    );
  });
});
