// The one argument parser: shared options, one plain form for mistakes, and
// negative numbers taken as values (so the command can say what is wrong).
import { describe, expect, it } from 'vitest';
import { ArgsError, parseCommandArgs } from '../../../src/process/args.ts';
import { parseBenchArgs } from '../../../src/bench/args.ts';

const own = { timeout: { type: 'string' }, quick: { type: 'boolean', default: false } } as const;

describe('parseCommandArgs', () => {
  it('gives every command --slides, --debug and --help', () => {
    expect(parseCommandArgs([], own)).toMatchObject({ slides: 'slides', debug: false, help: false, quick: false });
    expect(parseCommandArgs(['--slides', 'x', '--debug', '-h'], own)).toMatchObject({ slides: 'x', debug: true, help: true });
  });

  it('says "unknown option --x (see --help)"', () => {
    expect(() => parseCommandArgs(['--bogus'], own)).toThrow(new ArgsError('unknown option --bogus (see --help)'));
  });

  it('says which option needs a value, and which takes none', () => {
    expect(() => parseCommandArgs(['--timeout'], own)).toThrow(new ArgsError('option --timeout needs a value (see --help)'));
    expect(() => parseCommandArgs(['--quick=yes'], own)).toThrow(new ArgsError('option --quick takes no value (see --help)'));
  });

  it('refuses a stray argument with a hint', () => {
    expect(() => parseCommandArgs(['deck.pdf'], own)).toThrow(/^unexpected argument "deck\.pdf": options start with --/);
  });

  it('takes --timeout -5 as a value, not as an ambiguous option', () => {
    expect(parseCommandArgs(['--timeout', '-5'], own).timeout).toBe('-5');
  });
});

describe('bench options', () => {
  it('takes --slides like every command', () => {
    const o = parseBenchArgs(['--slides', 'tests/fixtures/basic', '--quick']);
    expect(o).toMatchObject({ slidesDir: 'tests/fixtures/basic', quick: true, runs: 1 });
  });
});
