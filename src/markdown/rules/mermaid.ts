// ```mermaid fences render as a placeholder holding the diagram source; the
// browser client draws it (src/client/diagrams.ts). Other fences are unchanged.
import type { MarkdownIt } from 'markdown-it';

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
    return `<figure class="mermaid-diagram" data-line="${line}"><pre class="mermaid-source">${code}</pre></figure>\n`;
  };
}
