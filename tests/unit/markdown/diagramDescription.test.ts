// Unit tests of a diagram's description (alt text) made from its Mermaid source.
import { describe, expect, it } from 'vitest';
import { describeDiagram as diagramAlt } from '../../../src/markdown/diagramDescription.ts';

describe('diagramAlt', () => {
  it('describes a chain as one path', () => {
    expect(diagramAlt('flowchart LR\n  A["基础研究"] --> B["应用研究"] --> C["试验发展"] --> D["生产"] --> E["市场"]')).toBe(
      '流程图：基础研究 → 应用研究 → 试验发展 → 生产 → 市场',
    );
  });
  it('describes branches as paths, labels with line breaks as one line', () => {
    const alt = diagramAlt(
      'flowchart TD\n  M["市场<br/>（企业自发）"] --> X["产学研活动"]\n  G["政府<br/>（政府愿景）"] --> X\n  X --> E["提高科技创新效率"]',
    );
    expect(alt).toBe('流程图：市场 （企业自发） → 产学研活动 → 提高科技创新效率；政府 （政府愿景） → 产学研活动');
  });
  it('names other kinds and skips block spacers', () => {
    expect(diagramAlt('%%{init: {}}%%\nblock-beta\n  columns 3\n  R["研究"]:2 space\n  R --> K["知识"]')).toBe('框图：研究 → 知识');
  });
});
