// Default outputs: the talk keeps deck.pdf and dist/; another slides folder
// gets outputs named after it, so it never replaces the talk's.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckName, defaultOutput } from '../../src/cli/defaultOutputs.ts';
import { parseExportArgs } from '../../src/export/args.ts';
import { PROJECT_ROOT } from '../../src/project/paths.ts';

describe('default outputs', () => {
  it('the project\'s slides/ keeps the plain names', () => {
    const slides = path.join(PROJECT_ROOT, 'slides');
    expect(deckName(slides)).toBe('');
    expect(defaultOutput(slides, 'pdf')).toBe('deck.pdf');
    expect(defaultOutput(slides, 'dist')).toBe('dist');
    expect(defaultOutput(slides, 'single')).toBe('dist-single');
  });

  it('another folder names its outputs after itself', () => {
    expect(defaultOutput('mytalk', 'pdf')).toBe('mytalk.pdf');
    expect(defaultOutput('mytalk/', 'dist')).toBe('dist-mytalk');
    expect(defaultOutput('talks/第二讲', 'single')).toBe('dist-single-第二讲');
    expect(defaultOutput('/home/u/mytalk/slides', 'pdf')).toBe('mytalk.pdf');
  });

  it('export without --out follows --slides', () => {
    const options = parseExportArgs(['--slides', 'tests/fixtures/basic']);
    expect(options).not.toBe('help');
    if (options !== 'help') expect(options.out).toBe('basic.pdf');
  });
});
