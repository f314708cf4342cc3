// The single-file build keeps only the Mermaid diagram types a deck uses:
// the keyword of each diagram, and what to keep for it.
import { describe, expect, it } from 'vitest';
import { chunksToKeep, diagramKeyword } from '../../../src/vite/mermaidTrim.ts';

describe('diagramKeyword', () => {
  it('is the first word, after front matter, directives and blank lines', () => {
    expect(diagramKeyword('flowchart LR\n  A --> B')).toBe('flowchart');
    expect(diagramKeyword('\n  graph TD;\nA-->B')).toBe('graph');
    expect(diagramKeyword('---\ntitle: 图\nconfig:\n  theme: base\n---\ntimeline\n  2021 : 事件')).toBe('timeline');
    expect(diagramKeyword('%%{init: {"theme": "base"}}%%\n%% note\nblock-beta\n  a b')).toBe('block-beta');
    expect(diagramKeyword('sequenceDiagram\n A->>B: hi')).toBe('sequenceDiagram');
  });
});

describe('chunksToKeep', () => {
  it('keeps the flowchart renderer and its layout for flowcharts', () => {
    expect([...(chunksToKeep(['flowchart LR\nA-->B', 'graph TD\nA-->B']) ?? [])].sort()).toEqual(['dagre', 'flowDiagram']);
  });

  it('keeps KaTeX only when a diagram has math', () => {
    expect(chunksToKeep(['flowchart LR\nA["$$x^2$$"]-->B'])?.has('katex')).toBe(true);
    expect(chunksToKeep(['flowchart LR\nA-->B'])?.has('katex')).toBe(false);
  });

  it('keeps nothing extra for a deck without diagrams', () => {
    expect(chunksToKeep([])?.size).toBe(0);
  });

  it('gives up (keeps every type) on a keyword it does not know', () => {
    expect(chunksToKeep(['flowchart LR\nA-->B', 'radar-beta\n axis a'])).toBeNull();
  });
});
