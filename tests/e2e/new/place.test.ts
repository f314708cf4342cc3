// `npm run new` writes a deck only where the project can use it: a folder of
// its own inside the project (relative or absolute). Outside it (../outside,
// an absolute path elsewhere, /etc/x, a symlink that leads out), or inside the
// project's own src/ (and the like), it is refused with one clear line, exit 1,
// and nothing is written. A name with a space is quoted in the printed hint,
// so the hint runs as it is shown.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/project/paths.ts';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['src/cli/bin.mjs', 'new', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });

let scratch: string;
let outside: string;

beforeAll(() => {
  mkdirSync(path.join(PROJECT_ROOT, '.scratch'), { recursive: true });
  scratch = mkdtempSync(path.join(PROJECT_ROOT, '.scratch', 'iur-new-place-'));
  outside = mkdtempSync(path.join(os.tmpdir(), 'iur-new-outside-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('where new writes a deck', () => {
  it.each([
    ['../outside', /^new: \.\.\/outside lies outside the project \(.+\): a deck goes in a folder of its own inside the project/],
    ['/etc/x', /^new: \/etc\/x lies outside the project/],
    ['src/newdeck', /^new: src\/newdeck is inside src\/, the project's own: a deck goes in a folder of its own inside the project/],
    ['tests/x', /^new: tests\/x is inside tests\/, the project's own/],
    ['node_modules/x', /^new: node_modules\/x is inside node_modules\/, the project's own/],
    ['.', /^new: \. is the project folder itself/],
  ])('refuses %s: exit 1, one clear line, nothing written', (name, message) => {
    const run = cli(name);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    expect(existsSync(path.resolve(PROJECT_ROOT, name, '01-opening.md'))).toBe(false);
  });

  it('refuses an absolute path outside the project, and one that a symlink leads out', () => {
    const abs = path.join(outside, 'talk');
    const run = cli(abs);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/lies outside the project/);
    expect(existsSync(abs)).toBe(false);
    symlinkSync(outside, path.join(scratch, 'out'));
    const through = cli(path.join(scratch, 'out', 'talk'));
    expect(through.status).toBe(1);
    expect(through.stderr).toMatch(new RegExp(`it leads to ${outside}/talk`));
    expect(readdirSync(outside)).toEqual([]);
  });

  it('writes inside the project, by an absolute or a relative path', () => {
    const abs = path.join(scratch, 'absolute');
    expect(cli(abs).status).toBe(0);
    expect(readdirSync(abs)).toContain('01-opening.md');
    const rel = path.relative(PROJECT_ROOT, path.join(scratch, 'nested', 'relative'));
    const run = cli(rel);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`npm run dev -- --slides ${rel} `);
  });

  it('a name with a space: the hint is quoted, and the shell reads it back as one word', () => {
    const name = path.relative(PROJECT_ROOT, path.join(scratch, "my talk's"));
    const run = cli(name);
    expect(run.status, run.stderr).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.includes('npm run check -- --slides')) ?? '';
    const word = /--slides (.+?) {2,}/.exec(line)?.[1] ?? '';
    expect(word.startsWith("'")).toBe(true);
    const echoed = spawnSync('bash', ['-c', `printf '%s\\n' ${word}`], { encoding: 'utf8' });
    expect(echoed.stdout).toBe(`${name}\n`);
  });
});
