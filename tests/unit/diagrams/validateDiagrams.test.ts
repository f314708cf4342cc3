// Mermaid errors in plain words, at the file's line: real mermaid.parse in
// the checker's worker, on diagrams with the mistakes authors make.
import { afterAll, describe, expect, it } from 'vitest';
import { stopDiagramCheck, validateDiagrams } from '../../../src/diagrams/validateDiagrams.ts';

afterAll(() => stopDiagramCheck());

/** The one problem of a diagram whose ```mermaid fence is on line 9 of a.md. */
async function problemOf(code: string) {
  const problems = await validateDiagrams([{ pos: { file: 'a.md', line: 9 }, code }]);
  expect(problems).toHaveLength(1);
  return problems[0];
}

describe('a Mermaid diagram that does not parse', () => {
  it('an unclosed bracket: the last line of the diagram, and the closers that were expected', async () => {
    const p = await problemOf('flowchart LR\n  A --> B\n  B --> C[\n');
    expect(p.pos.line).toBe(12);
    expect(p.message).toMatch(/^Mermaid diagram does not parse: the diagram ends too early/);
    expect(p.message).toContain(']');
    expect(p.message).not.toMatch(/SQE|got '1'|Parse error on line/);
  });

  it('a doubled arrow: the line it is on, and what was found', async () => {
    const p = await problemOf('flowchart LR\n  A["甲"] --> B["乙"]\n  B --> --> C\n');
    expect(p.pos.line).toBe(12);
    expect(p.message).toMatch(/unexpected “-->”; expected text/);
    expect(p.message).not.toMatch(/NODE_STRING|UNICODE_TEXT|LINK/);
  });

  it('a misspelt diagram type: the first line', async () => {
    const p = await problemOf('flowcart LR\n  A --> B\n');
    expect(p.pos.line).toBe(10);
    expect(p.message).toMatch(/first line must name a diagram type.*“flowcart LR”/);
  });
});
