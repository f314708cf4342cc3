// The lint rules eslint.config.js holds tests/ to, on a small file of bad
// tests, so they cannot pass by matching nothing: a test without expect (in
// each form it() takes) and a Puppeteer wait that does not say what it waits
// for are errors at their lines; a test that asserts is not.
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { TESTS_ASSERT, WAITS_SAY_WHAT } from '../../../eslint.config.js';

const BAD = `import { describe, expect, it, test } from 'vitest';
describe('x', () => {
  it('no expect', async () => {
    await page.waitForFunction(() => true);
  });
  it.each([1, 2])('each %s without expect', async () => {
    await frame.waitForSelector('p');
  });
  it.skipIf(false)('skipIf without', () => {});
  test.only('only without', () => {});
  it('asserts', async () => {
    await expect.poll(() => 1).toBe(1);
  });
  it('asserts too', () => {
    expect(1).toBe(1);
  });
});
`;

describe('the lint rules of tests/', () => {
  const messages = new Linter({ configType: 'flat' }).verify(
    BAD,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        rules: { 'no-restricted-syntax': ['error', ...TESTS_ASSERT, WAITS_SAY_WHAT] },
      },
    ],
    { filename: 'probe.test.ts' },
  );
  const linesSaying = (pattern: RegExp) => messages.filter((m) => pattern.test(m.message)).map((m) => m.line);

  it('find every test without expect: it(), it.each(…)(), it.skipIf(…)(), test.only()', () => {
    expect(linesSaying(/asserts with expect/)).toEqual([3, 6, 9, 10]);
  });

  it('find every wait that does not say what it waits for', () => {
    expect(linesSaying(/say what it waits for/)).toEqual([4, 7]);
  });

  it('find nothing else', () => {
    expect(messages).toHaveLength(6);
  });
});
