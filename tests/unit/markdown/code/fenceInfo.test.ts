// Unit tests of a code fence's info string: the brace groups iur-deck reads
// (line numbers, marked lines, steps) are told from markdown-it-attrs' own,
// and read into steps, with what cannot be read said.
import { describe, expect, it } from 'vitest';
import { isOwnGroup, readFence, takeOwnGroups } from '../../../../src/markdown/code/fenceInfo.ts';

describe('brace groups', () => {
  it('takes line numbers, marked lines and steps, and leaves attributes to markdown-it-attrs', () => {
    expect(takeOwnGroups('python {1|2-3|all}')).toEqual({ rest: 'python', groups: ['1|2-3|all'] });
    expect(takeOwnGroups('ts {lineNumbers} {2,4-5}')).toEqual({ rest: 'ts', groups: ['lineNumbers', '2,4-5'] });
    expect(takeOwnGroups('ts {.fragment}')).toEqual({ rest: 'ts {.fragment}', groups: [] });
    expect(isOwnGroup('lineNumbers 1|all')).toBe(true);
    expect(isOwnGroup('#id')).toBe(false);
    expect(isOwnGroup('key=value')).toBe(false);
  });
});

describe('steps', () => {
  it('reads each step as its lines, `all` as every line', () => {
    const fence = readFence('Python', ['1|2-3|all'], 3);
    expect(fence).toEqual({ lang: 'python', lineNumbers: false, steps: [[1], [2, 3], null], problems: [] });
  });

  it('reads marked lines as one step, with line numbers', () => {
    expect(readFence('ts', ['lineNumbers', '2,4-5'], 6)).toMatchObject({ lineNumbers: true, steps: [[2, 4, 5]] });
  });

  it('says which lines the block does not have, and what it cannot read', () => {
    expect(readFence('ts', ['2-9'], 3).problems).toEqual(["lines «2-9» are not in the block's 3 lines"]);
    expect(readFence('ts', ['1|2', '3'], 3).problems).toEqual(['a second set of marked lines «3» (one set per block: {1|2-3|all})']);
    expect(readFence('ts', ['1-'], 3).problems[0]).toMatch(/cannot read the lines «1-»/);
  });
});
