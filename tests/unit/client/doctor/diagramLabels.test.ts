// @vitest-environment happy-dom
// The diagram-labels rule: the scale a diagram is drawn at (pure), and a
// diagram that is not drawn; one that did not parse is left to its own message.
import { describe, expect, it } from 'vitest';
import { diagramLabels, drawnScale } from '../../../../src/client/doctor/rules/diagramLabels.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('drawnScale', () => {
  it('is the smaller ratio of drawn to viewBox size, in slide pixels', () => {
    expect(drawnScale({ width: 1000, height: 500 }, { width: 500, height: 400 }, 1)).toBe(0.5);
    expect(drawnScale({ width: 100, height: 100 }, { width: 200, height: 300 }, 2)).toBe(1);
  });
});

describe('diagramLabels', () => {
  it('says a diagram was not drawn, at its fence line; not one that did not parse', () => {
    const ctx = slide(
      '<figure class="mermaid-diagram" data-line="9"><pre class="mermaid-source">flowchart LR</pre></figure>' +
        '<figure class="mermaid-diagram" data-line="14" data-rendered="error"></figure>',
    );
    expect(diagramLabels(ctx)).toEqual([{ level: 'error', message: 'diagram not drawn', line: 9 }]);
  });
});
