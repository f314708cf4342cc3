// What the editor link's two ends take from the other: a command from the
// language server and a place from the page, checked field by field.
import { describe, expect, it } from 'vitest';
import { parseEditorCommand, parsePagePlace } from '../../../src/shared/editorLink.ts';

describe('parseEditorCommand', () => {
  it('takes a show command with a file and a 1-based line, nothing else', () => {
    expect(parseEditorCommand({ type: 'show', file: '/d/02.md', line: 12 })).toEqual({ type: 'show', file: '/d/02.md', line: 12 });
    for (const bad of [
      null,
      'show',
      { type: 'run', file: 'x', line: 1 },
      { type: 'show', file: 'x', line: 0 },
      { type: 'show', file: 'x', line: 1.5 },
      { type: 'show', line: 1 },
    ]) {
      expect(parseEditorCommand(bad)).toBeUndefined();
    }
  });
});

describe('parsePagePlace', () => {
  it('takes a file and a line from the page, nothing else', () => {
    expect(parsePagePlace({ file: 'slides/02.md', line: 3, extra: true })).toEqual({ file: 'slides/02.md', line: 3 });
    for (const bad of [undefined, { file: '', line: 1 }, { file: 'x'.repeat(3000), line: 1 }, { file: 'x', line: -1 }]) {
      expect(parsePagePlace(bad)).toBeUndefined();
    }
  });
});
