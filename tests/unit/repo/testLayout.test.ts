// Where tests live: tests/unit/<src folder>/ and tests/e2e/<capability>/, the
// two projects of tests/vitest.config.ts. Every test file is in one of them,
// so none is left out of npm test; a unit test sits in the folder of the src/
// code it tests, so it moves when its code moves; no name is a past branch's.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Every *.test.ts under `dir` (relative to the root). */
function testFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const file = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testFiles(file);
    return e.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** Unit test folders that test no src/ folder: the repository's own rules, and the test set-up. */
const NOT_IN_SRC = ['tests/unit/repo', 'tests/unit/setup'];

describe('test files', () => {
  const files = testFiles('tests');

  it('are each in a project: under tests/unit/ or tests/e2e/', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files.filter((f) => !/^tests\/(unit|e2e)\/./.test(f))).toEqual([]);
  });

  it('under tests/unit/ sit in the folder of the src/ code they test', () => {
    const folders = [...new Set(files.filter((f) => f.startsWith('tests/unit/')).map((f) => path.dirname(f)))];
    const astray = folders.filter((dir) => {
      if (NOT_IN_SRC.some((d) => dir === d || dir.startsWith(`${d}/`))) return false;
      try {
        readdirSync(path.join(root, 'src', path.relative('tests/unit', dir)));
        return false;
      } catch {
        return true;
      }
    });
    // Moved code takes its tests along: git mv tests/unit/<old> tests/unit/<new>.
    expect(astray, 'unit test folders with no src/ folder of that name').toEqual([]);
  });

  it('under tests/e2e/ sit in a capability folder, named after what they test, not a branch', () => {
    expect(files.filter((f) => /^tests\/e2e\/[^/]+$/.test(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)lost-/.test(f))).toEqual([]);
  });
});
