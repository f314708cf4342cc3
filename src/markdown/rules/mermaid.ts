// ```mermaid fences render as a placeholder holding the diagram source, and
// its one description (diagramDescription.ts) as the figure's aria-label, which
// the page, the PDF and the PowerPoint file all say; the browser client draws
// it (src/client/diagrams.ts). Other fences are unchanged.
import type { MarkdownIt } from 'markdown-it';
import { describeDiagram } from '../diagramDescription.ts';

export function isMermaid(info: string): boolean {
  return info.trim().split(/\s+/, 1)[0] === 'mermaid';
}

export function mermaidPlugin(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!isMermaid(token.info)) {
      return fence ? fence(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    }
    const line = (token.map?.[0] ?? 0) + 1;
    const code = md.utils.escapeHtml(token.content);
    const alt = md.utils.escapeHtml(describeDiagram(token.content));
    return `<figure class="mermaid-diagram" data-line="${line}" aria-label="${alt}"><pre class="mermaid-source">${code}</pre></figure>\n`;
  };
}
