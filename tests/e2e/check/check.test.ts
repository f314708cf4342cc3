// End to end: the deck doctor on a fixture deck with one known mistake per
// slide finds each at its file and line; on a clean deck it exits 0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/check/runCheck.ts';
import { formatProblem, type Problem } from '../../../src/shared/problem.ts';

const FILE = 'tests/fixtures/doctor/01-problems.md';
let problems: Problem[];
let lines: string[];

beforeAll(async () => {
  problems = await runCheck({ slidesDir: 'tests/fixtures/doctor' });
  lines = problems.map(formatProblem);
});

const at = (line: number) => lines.filter((l) => l.startsWith(`${FILE}:${line}: `));

describe('npm run check on a deck with mistakes', () => {
  it("reports overflow with the element and the pixels, at the element's own line", () => {
    expect(at(7).join('\n')).toMatch(/error: overflow: <ul> «第一行内容.*» sticks out \d+ px below the 1280×720 slide/);
  });

  it('reports text under 24 px', () => {
    expect(at(24).join('\n')).toMatch(/error: text too small: <p> «这行字太小了» is 12\.0 px \(minimum 24 px\)/);
  });

  it('reports a link to a slide that does not exist', () => {
    expect(at(32).join('\n')).toMatch(/error: link to a slide that does not exist: #\/99/);
  });

  it('reports Markdown left in the text and spaces between Chinese characters, each at its paragraph, the excerpt from it alone', () => {
    expect(at(34).join('\n')).toMatch(/error: Markdown left in the slide's text: «\*\*没有变粗\*\*»/);
    expect(at(36).join('\n')).toMatch(/warning: space between two Chinese characters: «中文 中文»/);
  });

  it('reports an unknown class with a suggestion', () => {
    expect(at(40).join('\n')).toMatch(/warning: unknown class "\.fragmnet": no style or behaviour uses it \(did you mean "\.fragment"\?\)/);
  });

  it('reports a glyph the bundled font lacks', () => {
    expect(at(46).join('\n')).toMatch(/error: the bundled font has no glyph for «😀» U\+1F600/);
  });

  it('reports diagram labels under 16 px once the diagram is scaled to fit', () => {
    expect(at(54).join('\n')).toMatch(/error: diagram labels are 1\d\.\d px after scaling \(minimum 16 px\)/);
  });

  it('warns on ASCII punctuation between Chinese characters, with the fix', () => {
    expect(at(63).join('\n')).toMatch(/warning: ASCII punctuation between Chinese characters: «.*1900年, 美国.*» → «.*1900年，美国.*»/);
  });

  it('finds nothing else', () => {
    const known = [7, 24, 32, 34, 36, 40, 46, 54, 63];
    expect(lines.filter((l) => !known.some((n) => l.startsWith(`${FILE}:${n}: `)))).toEqual([]);
  });
});

describe('npm run check on a deck with parse errors', () => {
  it('reports every problem in one pass: parse errors, and what the slides that parsed show', async () => {
    const found = (await runCheck({ slidesDir: 'tests/fixtures/rounds' })).map(formatProblem);
    const R = 'tests/fixtures/rounds/01-deck.md';
    expect(found).toEqual([
      expect.stringMatching(new RegExp(`^${R}:3: error: unknown front-matter key "titel"`)),
      expect.stringMatching(new RegExp(`^${R}:8: error: unknown layout "colums"`)),
      expect.stringMatching(new RegExp(`^${R}:18: error: Mermaid diagram does not parse`)),
      expect.stringMatching(new RegExp(`^${R}:25: error: overflow: <ul>`)),
      expect.stringMatching(new RegExp(`^${R}:50: error: link to a slide that does not exist: #/99`)),
    ]);
  });
});

describe('the check command', () => {
  it('exits 1 with file:line lines, or JSON with --json', () => {
    const run = spawnSync(process.execPath, ['src/cli/bin.mjs', 'check', '--slides', 'tests/fixtures/doctor', '--json'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as { file: string; line: number; level: string; message: string }[];
    expect(json.length).toBe(problems.length);
    const { message, ...where } = json[0];
    expect(where).toEqual({ file: FILE, line: 7, level: 'error' });
    expect(message).toMatch(/^overflow/);
  });

  it("--json FILE writes the JSON to a file, so npm's banner on standard output cannot spoil it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'iur-check-json-'));
    try {
      const file = path.join(dir, 'problems.json');
      const run = spawnSync('npm', ['run', 'check', '--', '--slides', 'tests/fixtures/doctor', '--json', file], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/> iur-deck@[^\n]* check/);
      const json = JSON.parse(readFileSync(file, 'utf8')) as { file: string; line: number }[];
      expect(json.length).toBe(problems.length);
      expect(json[0]).toMatchObject({ file: FILE, line: 7 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run -s check -- --json prints nothing but the JSON', () => {
    const run = spawnSync('npm', ['run', '-s', 'check', '--', '--slides', 'tests/fixtures/doctor', '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(problems.length);
  });

  it('exits 0 on a clean deck', () => {
    const run = spawnSync(process.execPath, ['src/cli/bin.mjs', 'check', '--slides', 'tests/fixtures/basic'], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/check: 0 error\(s\)/);
    expect(run.status).toBe(0);
  });
});

describe('npm run check: front matter and heading-only slides', () => {
  const MFILE = 'tests/fixtures/messages/01-deck.md';
  let found: string[];
  beforeAll(async () => {
    found = (await runCheck({ slidesDir: 'tests/fixtures/messages' })).map(formatProblem);
  });

  it('reports a finding in a front-matter value once, at its front-matter line', () => {
    expect(found.filter((l) => l.includes('张三 工程师'))).toEqual([
      `${MFILE}:4: warning: space between two Chinese characters: «张三 工程师» (delete it, or where a gap is meant write a full-width space, U+3000 「\u3000」, as the cover does)`,
    ]);
  });

  it('warns of a slide with a heading and nothing else, not of a divider, a statement or {.title-only}', () => {
    const headingOnly = found.filter((l) => /a heading and nothing else/.test(l));
    expect(headingOnly).toEqual([expect.stringMatching(new RegExp(`^${MFILE.replace(/[./]/g, '\\$&')}:13: warning: `))]);
    expect(found).toHaveLength(2);
  });
});
