// The bad-input corpus (tests/fixtures/bad/, plus cases generated here): for
// each case, build, check and export give a clear file:line message and the
// documented exit code, never a stack trace; sources stay byte-identical, and
// a previous dist/ or PDF survives a failed command.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/deckPage.ts';

interface Case {
  name: string;
  /** Folder of the deck, relative to the repository (or filled in beforeAll). */
  dir: string;
  /** Expected exit code of build, check and export. */
  code: { build: number; check: number; export: number };
  /** What the output must contain: for all commands, or per command. */
  says: RegExp | { build: RegExp; check: RegExp; export: RegExp };
  /** Time each command may take in this test, when more than the e2e default. */
  timeout?: number;
}

const ok = { build: 0, check: 0, export: 0 };
const fails = { build: 1, check: 1, export: 1 };
const B = 'tests/fixtures/bad';

const cases: Case[] = [
  {
    name: 'invalid YAML front matter',
    dir: `${B}/yaml`,
    code: fails,
    says: /tests\/fixtures\/bad\/yaml\/01-deck\.md:3: error: invalid front matter/,
  },
  {
    name: 'unterminated code fence',
    dir: `${B}/fence`,
    code: fails,
    says: /bad\/fence\/01-deck\.md:9: error: code fence ```mermaid is not closed/,
  },
  {
    name: 'unclosed ::: container',
    dir: `${B}/container`,
    code: fails,
    says: /bad\/container\/01-deck\.md:3: error: container :::: columns is not closed/,
  },
  {
    name: 'Mermaid syntax error',
    dir: `${B}/mermaid`,
    code: fails,
    says: /bad\/mermaid\/01-deck\.md:5: error: Mermaid diagram does not parse/,
  },
  {
    name: 'missing image',
    dir: `${B}/image`,
    code: fails,
    says: /bad\/image\/01-deck\.md:3: error: image not found: images\/missing\.png/,
  },
  { name: 'file that is not UTF-8', dir: `${B}/not-utf8`, code: fails, says: /bad\/not-utf8\/01-deck\.md:1: error: file is not UTF-8/ },
  { name: 'file with a BOM (works)', dir: `${B}/bom`, code: ok, says: /./ },
  {
    name: 'unknown layout in a file name with spaces and Chinese',
    dir: `${B}/names`,
    code: fails,
    says: /bad\/names\/02 第二 部分\.md:3: error: unknown layout "colums"/,
  },
  { name: 'empty slides folder', dir: `${B}/empty`, code: fails, says: /bad\/empty: error: no \.md files in the slides folder/ },
  {
    name: 'slides folder that does not exist',
    dir: `${B}/does-not-exist`,
    code: fails,
    says: /bad\/does-not-exist: error: slides folder not found/,
  },
  {
    name: "raw <script> and onerror= HTML (the author's own; the doctor flags the broken images)",
    dir: `${B}/html`,
    code: { build: 0, check: 1, export: 1 },
    says: {
      build: /built 1 slide →/,
      check: /bad\/html\/01-deck\.md:5: error: image did not load: x\.png/,
      export: /bad\/html\/01-deck\.md:5: error: image did not load: x\.png/,
    },
  },
  {
    name: 'a deck of 2,000 slides',
    dir: '',
    code: ok,
    says: { build: /built 2000 slides/, check: /check: 0 error/, export: /2000 pages/ },
    // Printing 2,000 pages takes Chromium about 30 s here and more on a slower machine:
    // this test is about the messages and the files, the benchmark about the time.
    timeout: 240_000,
  },
  { name: 'a 5 MB slide', dir: '', code: fails, says: /01-huge\.md:1: error: file is 5\.0 MB; a slide file may be at most 2 MB/ },
];

const says = (c: Case, command: 'build' | 'check' | 'export'): RegExp => (c.says instanceof RegExp ? c.says : c.says[command]);

let work: string;

function hashTree(dir: string): Promise<string> {
  const h = createHash('sha256');
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else h.update(p).update(await readFile(p));
    }
  };
  return walk(dir).then(() => h.digest('hex'));
}

function run(args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: 240_000,
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

beforeAll(async () => {
  work = await tempDir('bad');
  const huge = path.join(work, 'huge');
  await mkdir(huge);
  const body = Buffer.from(`## 很大的幻灯片\n\n${'产学研合作的热点与思考。\n'.repeat(200_000)}`);
  await writeFile(
    path.join(huge, '01-huge.md'),
    body
      .subarray(0, 5 * 1024 * 1024 - 1)
      .toString('utf8')
      .replace(/\uFFFD/g, ''),
  );
  cases[cases.length - 1].dir = huge;
  const many = path.join(work, 'many');
  await mkdir(many);
  const slides = Array.from({ length: 2000 }, (_, i) => `## 第${i + 1}张\n\n内容${i + 1}\n`);
  await writeFile(path.join(many, '01-many.md'), `---\ntitle: 两千张\n---\n\n${slides.join('\n---\n\n')}`);
  cases[cases.length - 2].dir = many;
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.each(cases)('$name', (c) => {
  let before: string;
  beforeAll(async () => {
    before = await hashTree(c.dir);
  });

  it('build: message, exit code, previous dist/ intact on failure', { timeout: c.timeout }, async () => {
    const out = path.join(work, `dist-${cases.indexOf(c)}`);
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'index.html'), 'previous good build');
    await writeFile(path.join(out, '.iur-deck-build'), 'an earlier build of iur-deck\n');
    const r = run(['build', '--slides', c.dir, '--out', out]);
    expect(r.out).toMatch(says(c, 'build'));
    expect(r.out).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(c.code.build);
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    if (c.code.build === 0) expect(index).toContain('<section');
    else expect(index).toBe('previous good build');
    expect(await hashTree(c.dir)).toBe(before);
  });

  it('check: message and exit code', { timeout: c.timeout }, () => {
    const r = run(['check', '--slides', c.dir]);
    expect(r.out).toMatch(says(c, 'check'));
    expect(r.out).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(c.code.check);
  });

  it('export: message, exit code, previous PDF intact on failure', { timeout: c.timeout }, async () => {
    const pdf = path.join(work, `deck-${cases.indexOf(c)}.pdf`);
    const previous = Buffer.from('%PDF-1.4 previous good export');
    await writeFile(pdf, previous);
    const r = run(['export', '--slides', c.dir, '--out', pdf]);
    expect(r.out).toMatch(says(c, 'export'));
    expect(r.out).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(c.code.export);
    const now = await readFile(pdf);
    if (c.code.export === 0) expect(now.subarray(0, 5).toString()).toBe('%PDF-');
    else expect(now.equals(previous)).toBe(true);
    expect(await hashTree(c.dir)).toBe(before);
  });
});

describe('sources stay byte-identical in the committed corpus', () => {
  it('has the cases on disk', async () => {
    await cp(B, path.join(work, 'copy'), { recursive: true });
    expect(await hashTree(path.join(work, 'copy', 'yaml'))).not.toBe('');
  });
});
