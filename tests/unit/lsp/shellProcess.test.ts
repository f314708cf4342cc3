// The options the child process that builds the client shell reads from its
// standard input: a shell's options are taken as they are, anything else is
// refused (the child then exits with a message, and no shell is built).
import { describe, expect, it } from 'vitest';
import { shellOptionsOf } from '../../../src/lsp/shellProcess.ts';

describe('shellOptionsOf', () => {
  it("takes a shell's options as they were sent", () => {
    const options = { themeFile: '/deck/themes/default.css', single: false, diagrams: ['graph TD\n  A --> B'] };
    expect(shellOptionsOf(JSON.stringify(options))).toEqual(options);
  });

  it('refuses what is not JSON, or not a shell’s options', () => {
    expect(shellOptionsOf('')).toBeUndefined();
    expect(shellOptionsOf('{"themeFile"')).toBeUndefined();
    expect(shellOptionsOf('null')).toBeUndefined();
    expect(shellOptionsOf('{"themeFile":1,"single":false,"diagrams":[]}')).toBeUndefined();
    expect(shellOptionsOf('{"themeFile":"t.css","single":"no","diagrams":[]}')).toBeUndefined();
    expect(shellOptionsOf('{"themeFile":"t.css","single":false,"diagrams":[1]}')).toBeUndefined();
    expect(shellOptionsOf('{"themeFile":"t.css","single":false}')).toBeUndefined();
  });
});
