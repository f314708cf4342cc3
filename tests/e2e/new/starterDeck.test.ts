// End to end: `npm run new -- NAME` writes a starter deck that shows every row
// of the README's syntax table, which the deck doctor finds clean, and it
// refuses a folder that holds anything. Each row of the table is matched to a
// pattern here: a row added to the README without one fails this test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/check/runCheck.ts';
import { formatProblem } from '../../../src/shared/problem.ts';
import { PROJECT_ROOT } from '../../../src/project/paths.ts';

/** The start of each syntax-table row's first cell → what shows it in a deck's Markdown. */
const FEATURES: [string, RegExp][] = [
  ['deck front matter', /^---\n(?:[a-z]+:.*\n)*title: .+\n(?:[a-z]+:.*\n)*---\n/],
  ['part front matter', /^part: .+\nmarker: .+$/m],
  ['new slide', /\n---\n/],
  ['vertical slide', /\n--\n/],
  ['speaker notes', /^Note:$/m],
  ['fragments', /\{\.fragment\}/],
  ['two columns', /^:::: columns\n::: column\n[\s\S]*?^:::\n::: column\n[\s\S]*?^::::$/m],
  ['a centered slide', /^::: centered$/m],
  ['a part divider', /^::: divider$/m],
  ['the title page', /^::: title$/m],
  ['the outline', /^::: outline\n# .+\n:::$/m],
  ['a quiet aside box', /^::: note$[\s\S]*^::: small$|^::: small$[\s\S]*^::: note$/m],
  ['cards', /^::: cards\n(?:- ### .+ \{icon=[a-z0-9-]+\}\n {2}.+\n){2,4}:::$/m],
  ["fix a slide's composition", /^## .+ \{\.(dense|roomy|statement)\}$/m],
  ['a diagram', /^```mermaid\n[\s\S]+?\n```$/m],
  ['code, highlighted', /^```[a-z]+ \{\d+(?:-\d+)?(?:\|(?:\d+(?:-\d+)?|all))+\}\n[\s\S]+?\n```$/m],
  ['a formula', /\$[^$\n]+\$[\s\S]*^\$\$\n.+\n\$\$$/m],
  ['a picture', /^!\[[^\]]+\]\([^)\s]+ "[^"]+"\)$/m],
  ['tables', /^\|.+\|\n\|(?:\s*-+\s*\|)+\n\|.+\|$/m],
];

let root: string;
let deckDir: string;
let run: ReturnType<typeof spawnSync>;

const cli = (...args: string[]) => spawnSync(process.execPath, ['src/cli/bin.mjs', 'new', ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  // Inside the project, where new writes a deck (tests/e2e/new/place.test.ts): its git-ignored scratch folder.
  mkdirSync(path.join(PROJECT_ROOT, '.scratch'), { recursive: true });
  root = mkdtempSync(path.join(PROJECT_ROOT, '.scratch', 'iur-new-'));
  deckDir = path.join(root, 'mytalk');
  run = cli(deckDir);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const sources = () =>
  readdirSync(deckDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(path.join(deckDir, f), 'utf8'));

describe('npm run new', () => {
  it('writes the starter deck and says how to run it', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    expect(String(run.stdout)).toContain(`npm run dev -- --slides ${deckDir}`);
    expect(readdirSync(deckDir).sort()).toEqual(['01-opening.md', '02-content.md', '03-closing.md', 'images']);
  });

  it('shows every feature of the README syntax table', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Writing slides'), readme.indexOf('**How a slide is composed.**'));
    const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| syntax |'));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows)
      expect(
        FEATURES.some(([start]) => row.startsWith(`| ${start}`)),
        `no check for the README row ${row.slice(0, 60)}`,
      ).toBe(true);
    const all = sources().join('\n');
    for (const [feature, pattern] of FEATURES) expect(all, feature).toMatch(pattern);
    // The deck front matter is the first file's.
    expect(sources()[0]).toMatch(FEATURES[0][1]);
  });

  it('is clean for the deck doctor: no error, no warning', async () => {
    const problems = await runCheck({ slidesDir: deckDir });
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('refuses a folder that holds anything, and writes nothing into it', () => {
    const other = path.join(root, 'busy');
    const again = cli(deckDir);
    expect(again.status).toBe(1);
    expect(String(again.stderr)).toMatch(/is not empty .*nothing was written/);
    mkdirSync(other);
    writeFileSync(path.join(other, 'notes.txt'), 'mine');
    expect(cli(other).status).toBe(1);
    expect(readdirSync(other)).toEqual(['notes.txt']);
    expect(cli().status).toBe(1);
  });
});
