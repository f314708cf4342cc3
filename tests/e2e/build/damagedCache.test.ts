// A damaged cache is never trusted. Each cached artefact — the compiled command
// line, the client shell, a drawn diagram's SVG, a font subset — is written
// with a manifest and verified when read: emptied, truncated or hand-edited,
// it is rebuilt with one line saying so, and the command's output is whole.
// Runs the real command line (node src/cli/bin.mjs) as a user would.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_DIR } from '../../../src/project/paths.ts';
import { buildDeck } from '../../../src/builder/buildDeck.ts';
import { tempDir } from '../../helpers/deckPage.ts';

const BASIC = 'tests/fixtures/basic';
let dir: string;
/** The client shell the basic deck's build uses. */
let shell: string;

function cli(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], { encoding: 'utf8', timeout: 170_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** The most recently written entry of a cache folder matching `pattern`. */
function newest(folder: string, pattern: RegExp): string {
  const names = readdirSync(folder).filter((n) => pattern.test(n));
  names.sort((a, b) => statSync(path.join(folder, b)).mtimeMs - statSync(path.join(folder, a)).mtimeMs);
  if (!names[0]) throw new Error(`nothing like ${pattern} in ${folder}`);
  return path.join(folder, names[0]);
}

beforeAll(async () => {
  dir = await tempDir('damaged-cache');
  // Everything cached once.
  expect(cli(['export', '--slides', BASIC, '--out', path.join(dir, 'warm.pdf')]).code).toBe(0);
  shell = path.join(
    CACHE_DIR,
    'client',
    (await buildDeck({ slidesDir: BASIC, outDir: path.join(dir, 'dist-warm'), quiet: true })).shellKey,
  );
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a damaged cache', () => {
  it('the compiled command line, its entry script emptied: compiled again, and the command runs', async () => {
    const compiled = newest(path.join(CACHE_DIR, 'cli'), /^[0-9a-f]{16}$/);
    await writeFile(path.join(compiled, 'cli', 'main.js'), '');
    const run = cli(['build', '--slides', BASIC, '--out', path.join(dir, 'dist-cli')]);
    expect(run.err).toMatch(/^iur-deck: the compiled command line was damaged \(cli\/main\.js is empty\); compiling it again$/m);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/built 5 slides/);
    expect((await stat(path.join(compiled, 'cli', 'main.js'))).size).toBeGreaterThan(0);
  }, 120_000);

  it('the client shell, its script emptied: rebuilt, and no 0-byte script is shipped', async () => {
    const script = readdirSync(path.join(shell, 'assets')).find((n) => /^index-.*\.js$/.test(n));
    if (!script) throw new Error('no index-*.js in the shell');
    await writeFile(path.join(shell, 'assets', script), '');
    const out = path.join(dir, 'dist-shell');
    const run = cli(['build', '--slides', BASIC, '--out', out]);
    expect(run.err).toMatch(
      new RegExp(
        `^iur-deck: the cached client shell \\(${path.basename(shell)}\\) was damaged \\(assets/${script.replace(/[.]/g, '\\.')} is empty\\); rebuilding it$`,
        'm',
      ),
    );
    expect(run.code).toBe(0);
    for (const name of readdirSync(path.join(out, 'assets')).filter((n) => n.endsWith('.js')))
      expect((await stat(path.join(out, 'assets', name))).size, name).toBeGreaterThan(0);
    expect(readdirSync(out)).not.toContain('.iur-manifest.json');
  }, 120_000);

  it('the client shell, its index.html emptied: rebuilt, not "lost its mark" for ever', async () => {
    await writeFile(path.join(shell, 'index.html'), '');
    const run = cli(['build', '--slides', BASIC, '--out', path.join(dir, 'dist-index')]);
    expect(run.err).toMatch(/was damaged \(index\.html is empty\); rebuilding it/);
    expect(run.code).toBe(0);
    expect(cli(['build', '--slides', BASIC, '--out', path.join(dir, 'dist-index')]).err).toBe('');
  }, 120_000);

  it('a hand-edited diagram SVG is a cache miss: the diagram is drawn again', async () => {
    const diagrams = path.join(CACHE_DIR, 'diagrams');
    // Every SVG cached for the basic deck's diagram (by any shell or browser): edited by hand.
    const svgs = readdirSync(diagrams)
      .filter((n) => n.endsWith('.svg'))
      .map((n) => path.join(diagrams, n));
    let edited = 0;
    for (const file of svgs) {
      const svg = await readFile(file, 'utf8');
      if (!svg.includes('基础研究')) continue;
      await writeFile(file, svg.replace('基础研究', 'HACKED'));
      edited++;
    }
    expect(edited).toBeGreaterThan(0);
    const pdf = path.join(dir, 'edited.pdf');
    const run = cli(['export', '--slides', BASIC, '--out', pdf]);
    expect(run.err).toMatch(
      /^iur-deck: the cached diagram [0-9a-f]{32}\.svg was damaged \([0-9a-f]{32}\.svg (was changed|is \d+ bytes, not \d+)\); rebuilding it$/m,
    );
    expect(run.code).toBe(0);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).not.toContain('HACKED');
  }, 180_000);

  it('a truncated font subset: made again, and the build ships a whole font', async () => {
    const fonts = path.join(CACHE_DIR, 'fonts');
    // Every cached WOFF2 subset cut in half (the one this build uses among them).
    const whole = new Map<string, Buffer>();
    for (const name of readdirSync(fonts).filter((n) => n.endsWith('.woff2'))) {
      const bytes = await readFile(path.join(fonts, name));
      whole.set(name, bytes);
      await writeFile(path.join(fonts, name), bytes.subarray(0, Math.floor(bytes.length / 2)));
    }
    const out = path.join(dir, 'dist-font');
    const run = cli(['build', '--slides', BASIC, '--out', out]);
    const rebuilt = [
      ...run.err.matchAll(
        /^iur-deck: the cached font (NotoSansSC-\d+-[0-9a-f]{32}\.woff2) was damaged \(.* is \d+ bytes, not \d+\); rebuilding it$/gm,
      ),
    ].map((m) => m[1]);
    expect(rebuilt.length, run.err).toBeGreaterThan(0);
    expect(run.code).toBe(0);
    for (const name of rebuilt) expect((await readFile(path.join(fonts, name))).length).toBe(whole.get(name)?.length);
    // The subsets other decks use put back whole, so the tests after this one find a sound cache.
    for (const [name, bytes] of whole) if (!rebuilt.includes(name)) await writeFile(path.join(fonts, name), bytes);
    for (const name of readdirSync(path.join(out, 'assets')).filter((n) => n.endsWith('.woff2'))) {
      expect((await readFile(path.join(out, 'assets', name))).subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
  }, 120_000);

  it('an edited phrase-break cache: said, written again whole, and the headings break as before', async () => {
    const folder = path.join(CACHE_DIR, 'phrases');
    const file = newest(folder, /^[0-9a-f]{16}\.json$/);
    const good = await readFile(path.join(dir, 'dist-warm', 'index.html'), 'utf8');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/"]/, '","改"]'));
    const out = path.join(dir, 'dist-phrases');
    const run = cli(['build', '--slides', BASIC, '--out', out]);
    expect(run.err).toMatch(/^iur-deck: the cached phrase breaks [0-9a-f]{16}\.json was damaged \(.*\); rebuilding it$/m);
    expect(run.code).toBe(0);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(good);
    expect(cli(['build', '--slides', BASIC, '--out', out]).err).not.toMatch(/phrase breaks/);
  }, 120_000);
});
