// Default outputs: the talk keeps deck.pdf and dist/; another slides folder
// gets outputs named after it, so it never replaces the talk's.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckName, defaultOutput } from '../../../src/project/defaultOutputs.ts';
import { parseExportArgs } from '../../../src/export/args.ts';
import { PROJECT_ROOT } from '../../../src/project/paths.ts';

describe('default outputs', () => {
  it("the project's slides/ keeps the plain names", () => {
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

  it("a handout or a notes PDF never takes the slide PDF's name", () => {
    const out = (...argv: string[]) => {
      const options = parseExportArgs(['--slides', 'mytalk', ...argv]);
      return options === 'help' ? '' : options.out;
    };
    expect(out()).toBe('mytalk.pdf');
    expect(out('--handout', '3')).toBe('mytalk-handout-3.pdf');
    expect(out('--handout', '6')).toBe('mytalk-handout-6.pdf');
    expect(out('--notes')).toBe('mytalk-notes.pdf');
    expect(out('--handout', '3', '--notes')).toBe('mytalk-handout-3-notes.pdf');
    expect(out('--handout', '3', '--out', 'h.pdf')).toBe('h.pdf');
    const talk = (...argv: string[]) => {
      const options = parseExportArgs(['--slides', path.join(PROJECT_ROOT, 'slides'), ...argv]);
      return options === 'help' ? '' : options.out;
    };
    expect(talk('--handout', '6')).toBe('deck-handout-6.pdf');
    expect(talk('--notes')).toBe('deck-notes.pdf');
    expect(talk()).toBe('deck.pdf');
  });
});
