// Unit test that a deck pays for Shiki and KaTeX only when it uses them: the
// talk (no code, no formula) is loaded in a child Node process whose module
// loader writes down every module it resolves (a resolve hook registered
// with node:module), and neither Shiki, its grammars nor KaTeX is among
// them; the code fixture loads exactly the grammars its fences name.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'iur-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The module URLs a child process resolves while it loads `slides` with loadDeck. */
function modulesLoaded(slides: string): string[] {
  const log = path.join(dir, `${path.basename(slides)}.log`);
  writeFileSync(log, '');
  const hook = path.join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}
`,
  );
  const register = `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hook).href)}, { data: { log: ${JSON.stringify(log)} } });`;
  const script = `const { loadDeck } = await import('./src/deck/loadDeck.ts'); const r = await loadDeck(${JSON.stringify(slides)}); console.log(r.deck.slides.length);`;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', script],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  expect(Number(run.stdout.trim())).toBeGreaterThan(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

/** The node_modules packages (and their first folder) among `urls`. */
const packagesOf = (urls: string[]) => [
  ...new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+\/(?:[^/]+\/)?)/.exec(u)?.[1] ?? '').filter(Boolean)),
];

describe('Shiki and KaTeX load only for a deck that uses them', () => {
  it('the talk loads neither', () => {
    const loaded = packagesOf(modulesLoaded('slides'));
    expect(loaded.some((p) => p.startsWith('markdown-it/'))).toBe(true);
    expect(loaded.filter((p) => /^(shiki|@shikijs|katex|mathml2omml)\//.test(p))).toEqual([]);
  });

  it('the code fixture loads Shiki with the grammars of its fences, and KaTeX', () => {
    const urls = modulesLoaded('tests/fixtures/code');
    expect(packagesOf(urls)).toEqual(expect.arrayContaining(['shiki/dist/', 'katex/dist/', '@shikijs/langs/dist/']));
    const grammars = urls.flatMap((u) => /\/@shikijs\/langs\/dist\/([\w-]+)\.mjs$/.exec(u)?.[1] ?? []);
    // The fences name ts, python and an unknown language; TypeScript's grammar embeds none.
    expect([...new Set(grammars)].sort()).toEqual(['python', 'typescript']);
    expect(packagesOf(urls).filter((p) => p.startsWith('mathml2omml/'))).toEqual([]);
  });
}, 120_000);
