// End to end: `npm run check` on a deck of what goes wrong with code and
// formulas (tests/fixtures/code-broken/): each finding at its own line — an
// unknown language (warning), a TeX error with KaTeX's message (error), a
// formula PowerPoint has no equation for (warning), and a code block too long
// for its slide even at the smallest step (error: overflow).
import { describe, expect, it, beforeAll } from 'vitest';
import { runCheck } from '../../../src/check/runCheck.ts';
import { formatProblem } from '../../../src/shared/problem.ts';

const FILE = 'tests/fixtures/code-broken/01-broken.md';
let found: string[];

beforeAll(async () => {
  found = (await runCheck({ slidesDir: 'tests/fixtures/code-broken' })).map(formatProblem);
}, 180_000);

describe('the doctor on code and formulas', () => {
  it('warns of an unknown language at its fence', () => {
    expect(found).toContain(`${FILE}:7: warning: unknown code language "klingon": shown uncoloured (did you mean jison, logo, kotlin?)`);
  });

  it('names a TeX error at the formula’s line, with KaTeX’s message', () => {
    expect(found.filter((f) => f.startsWith(`${FILE}:15: error: formula does not parse:`))).toHaveLength(1);
    expect(found.join('\n')).toMatch(/:15: error: formula does not parse: .*expected '\}'/);
  });

  it('warns where the PowerPoint file will hold a picture instead of an equation', () => {
    expect(found).toContain(
      `${FILE}:21: warning: formula: the PowerPoint file will hold it as a picture, not an editable equation (PowerPoint's equations have nothing for mphantom)`,
    );
  });

  it('reports code too long for its slide at the block’s line', () => {
    expect(found.some((f) => f.startsWith(`${FILE}:29: error: overflow:`))).toBe(true);
  });

  it('has nothing else to say', () => {
    expect(found.filter((f) => !/:(7|15|21|29): /.test(f))).toEqual([]);
  });
});
