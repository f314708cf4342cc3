// Unit tests of a code block's HTML: a block a line, tokens in their colour,
// line numbers in their gutter, and each line's lit runs of steps as pairs of
// reveal.js fragments (on at the run's first step, off at the step after its
// last) that the theme's one CSS rule turns into lit and dimmed lines.
import { describe, expect, it } from 'vitest';
import { codeBlockHtml, litRuns, tokensHtml } from '../../../../src/markdown/code/codeHtml.ts';

const token = (text: string, colour = '#111') => ({ text, colour, fontStyle: 0 });

describe('tokens', () => {
  it('merges neighbours of one style and escapes the text', () => {
    expect(tokensHtml([token('a <'), token(' b'), token('c', '#222')])).toBe(
      '<span style="color:#111">a &lt; b</span><span style="color:#222">c</span>',
    );
  });
});

describe('steps', () => {
  it('finds the runs of steps in which a line is lit', () => {
    const steps = [[1], [2, 3], null];
    expect(litRuns(1, steps)).toEqual([
      [0, 0],
      [2, 2],
    ]);
    expect(litRuns(2, steps)).toEqual([[1, 2]]);
  });

  it('writes each run as a fragment pair, one marker a step, from the slide fragment index given', () => {
    const html = codeBlockHtml({
      lang: 'python',
      line: 7,
      lines: [[token('a')], [token('b')]],
      lineNumbers: true,
      steps: [[1], [2], null],
      fragmentBase: 3,
    });
    expect(html).toMatch(/^<pre class="code-block code-numbered code-marked" data-line="7" data-lang="python" data-steps="3"/);
    // Line 1: lit at once, off at step 1 (fragment 3), on again at step 2 (fragment 4) to the end.
    expect(html).toContain(
      '<span class="code-line"><span class="code-ln" aria-hidden="true">1</span><span class="code-on visible"><span class="fragment custom code-off" data-fragment-index="3"><span class="fragment custom code-on" data-fragment-index="4"><span class="code-off">',
    );
    expect(html.match(/class="fragment custom code-step"/g)).toHaveLength(2);
    expect(html).toContain('data-fragment-index="4" aria-hidden="true"></span><code>');
  });

  it('leaves a block without marked lines plain', () => {
    const html = codeBlockHtml({ lang: '', line: 1, lines: [[token('x')]], lineNumbers: false, steps: [], fragmentBase: 0 });
    expect(html).toBe(
      '<pre class="code-block" data-line="1"><code><span class="code-line"><span style="color:#111">x</span></span></code></pre>\n',
    );
  });
});
