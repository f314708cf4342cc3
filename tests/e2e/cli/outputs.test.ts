// An output never overwrites a source (issue 16): each --out that would
// delete or overwrite an author's file is refused before anything is
// written, with a plain message and exit 1; a build replaces only an empty
// folder or one of its own builds; the hangs and raw messages the same test
// found now end at once with a clear line.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/deckPage.ts';

let work: string;
let deck: string;

function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; out: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}`, ms: Date.now() - started };
}

function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

beforeAll(async () => {
  work = await tempDir('outputs');
  deck = path.join(work, 'X');
  await mkdir(deck);
  await writeFile(path.join(deck, '00.md'), '---\ntitle: 输出\n---\n\n## 第一页\n\n正文\n');
  await writeFile(path.join(deck, 'notes.txt'), "the author's own notes\n");
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('refused outputs: the sources stay byte-identical', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['build --out the slides folder', () => ['build', '--slides', deck, '--out', deck], /--out .*X would write over the slides folder/],
    ["build --out the slides folder's parent", () => ['build', '--slides', deck, '--out', work], /would write over the slides folder/],
    [
      'build --single --out inside the slides folder',
      () => ['build', '--single', '--slides', deck, '--out', path.join(deck, 'out')],
      /would write over the slides folder/,
    ],
    [
      'export --out a slide file',
      () => ['export', '--slides', deck, '--out', path.join(deck, '00.md')],
      /export: --out .*00\.md would write over the slides folder/,
    ],
    ['build --out the project', () => ['build', '--slides', deck, '--out', '.'], /would replace the project itself/],
    ['build --out themes/', () => ['build', '--slides', deck, '--out', 'themes'], /would write over themes\//],
    ['export --out README.md', () => ['export', '--slides', deck, '--out', 'README.md'], /README\.md exists and is not a PDF/],
  ];
  it.each(cases)('%s', (_name, args, says) => {
    const before = hashTree(deck);
    const readme = readFileSync('README.md');
    const r = run(args());
    expect(r.out).toMatch(says);
    expect(r.out).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(1);
    expect(hashTree(deck)).toBe(before);
    expect(readFileSync('README.md').equals(readme)).toBe(true);
  });
});

describe('a build replaces only its own builds', () => {
  it('refuses a folder of other files, and replaces an earlier build', async () => {
    const other = path.join(work, 'other');
    await mkdir(other);
    await writeFile(path.join(other, 'keep.txt'), 'keep me\n');
    const r = run(['build', '--slides', deck, '--out', other]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/holds files that are not an iur-deck build/);
    expect(readdirSync(other)).toEqual(['keep.txt']);

    const ours = path.join(work, 'ours');
    expect(run(['build', '--slides', deck, '--out', ours]).code).toBe(0);
    expect(existsSync(path.join(ours, '.iur-deck-build'))).toBe(true);
    expect(run(['build', '--slides', deck, '--out', ours]).code).toBe(0);
  });
});

describe('hangs and raw messages', () => {
  it('a deck of front matter only: a clear error at once, and the previous dist/ stays', async () => {
    const only = path.join(work, 'front-only');
    await mkdir(only);
    await writeFile(path.join(only, '00.md'), '---\ntitle: 只有元数据\n---\n');
    const dist = path.join(work, 'front-only-dist');
    expect(run(['build', '--slides', deck, '--out', dist]).code).toBe(0);
    const before = hashTree(dist);
    for (const args of [['build', '--out', dist], ['check'], ['export', '--out', path.join(work, 'front-only.pdf')]]) {
      const r = run([args[0], '--slides', only, ...args.slice(1)]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/front-only\/00\.md:1: error: the deck has no slides/);
      expect(r.ms).toBeLessThan(30_000);
    }
    expect(hashTree(dist)).toBe(before);
  });

  it('check with a browser that fails to start: exit 3 and one plain line', () => {
    const r = run(['check', '--slides', deck], { PUPPETEER_EXECUTABLE_PATH: '/bin/false' });
    expect(r.code).toBe(3);
    expect(r.out.trim().split('\n')).toEqual([expect.stringMatching(/^iur-deck: could not start \/bin\/false: /)]);
  });

  it('--timeout expiring names the slides not ready, with file:line', () => {
    const r = run(['export', '--slides', deck, '--out', path.join(work, 't.pdf'), '--timeout', '0.01']);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/not ready: .*X\/00\.md:5/);
  });

  it('--timeout -5 gets a plain message', () => {
    const r = run(['export', '--slides', deck, '--timeout', '-5']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/export: --timeout: expected a number of seconds above 0, got "-5"/);
    expect(r.out).not.toMatch(/ambiguous/);
  });

  it('::: columns holding ::: column with as many colons: an error at both lines', async () => {
    const cols = path.join(work, 'cols');
    await mkdir(cols);
    await writeFile(
      path.join(cols, '00.md'),
      '---\ntitle: 两栏\n---\n\n## 两栏\n\n::: columns\n::: column\n左边\n:::\n::: column\n右边\n:::\n',
    );
    const r = run(['build', '--slides', cols, '--out', path.join(work, 'cols-dist')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /cols\/00\.md:7: error: container ::: columns is closed by the ::: that closes "::: column" \(line 10\): give the outer one more colons/,
    );
    expect(r.out).toMatch(/cols\/00\.md:11: error: "::: column" outside "::: columns"/);
  });
});
