// Unit test that a deck pays for Shiki and KaTeX only when it uses them: the
// talk (no code, no formula) is loaded in a child Node process whose module
// loader writes down every module it resolves (tests/helpers/moduleLog.ts),
// and neither Shiki, its grammars nor KaTeX is among them; the code fixture
// loads exactly the grammars its fences name. The PowerPoint writer too
// loads the equation converter (KaTeX, mathml2omml) only for formulas.
import { describe, expect, it } from 'vitest';
import { modulesResolved, packagesOf } from '../../helpers/moduleLog.ts';

/** The module URLs a child process resolves while it loads `slides` with loadDeck. */
function modulesLoaded(slides: string): string[] {
  const run = modulesResolved(
    `const { loadDeck } = await import('./src/deck/loadDeck.ts'); const r = await loadDeck(${JSON.stringify(slides)}); console.log(r.deck.slides.length);`,
  );
  expect(run.status, run.stderr).toBe(0);
  expect(Number(run.stdout.trim())).toBeGreaterThan(0);
  return run.urls;
}

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

  it('the PowerPoint writer loads no equation converter until a slide has a formula', () => {
    const run = modulesResolved(`await import('./src/export/pptx/writePptx.ts'); console.log('loaded');`);
    expect(run.status, run.stderr).toBe(0);
    expect(packagesOf(run.urls).some((p) => p.startsWith('pptxgenjs/'))).toBe(true);
    expect(packagesOf(run.urls).filter((p) => /^(katex|mathml2omml)\//.test(p))).toEqual([]);
  });
}, 120_000);
