// The page/Node boundary is the compiler's: a file type-checked with the
// page's tsconfig (src/client/tsconfig.json: DOM, no Node types) may not import
// node:fs nor use process. Each fixture config extends the page's and checks one
// file; the file that uses only the DOM passes, so the failure is the boundary's.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function typeCheck(config: string): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [tsc, '-p', `tests/fixtures/page-tsconfig/${config}`, '--pretty', 'false'], { encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe("the page's tsconfig", () => {
  it('refuses a page file that imports node:fs or uses process', () => {
    const { status, out } = typeCheck('node-import.tsconfig.json');
    expect(status).not.toBe(0);
    expect(out).toMatch(/node-import\.ts\(2,\d+\): error TS2307: Cannot find module 'node:fs'/);
    expect(out).toMatch(/node-import\.ts\(4,\d+\): error TS2\d+: Cannot find name 'process'/);
  });

  it('takes a page file that uses only the browser', () => {
    const { status, out } = typeCheck('dom-only.tsconfig.json');
    expect(out).toBe('');
    expect(status).toBe(0);
  });
});
