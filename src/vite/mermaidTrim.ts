// Single-file build: Mermaid loads each diagram type (and each layout engine,
// and KaTeX) with a dynamic import, and an inlined build carries all of them
// (~3 MB). This keeps only what the deck's diagrams use; every other such
// import resolves to a stub that fails loudly (the deck then reports the
// diagram with its file:line) instead of silently bloating the file.
import path from 'node:path';
import type { Plugin } from 'vite';

/** Mermaid's diagram keyword (first word) → the chunks it loads (file names without the hash). */
const DIAGRAM_CHUNKS: Record<string, string[]> = {
  graph: ['flowDiagram', 'dagre'],
  flowchart: ['flowDiagram', 'dagre'],
  sequenceDiagram: ['sequenceDiagram'],
  classDiagram: ['classDiagram', 'classDiagram-v2', 'dagre'],
  'classDiagram-v2': ['classDiagram-v2', 'dagre'],
  stateDiagram: ['stateDiagram', 'stateDiagram-v2', 'dagre'],
  'stateDiagram-v2': ['stateDiagram-v2', 'dagre'],
  erDiagram: ['erDiagram', 'dagre'],
  journey: ['journeyDiagram'],
  gantt: ['ganttDiagram'],
  pie: ['pieDiagram'],
  quadrantChart: ['quadrantDiagram'],
  xychart: ['xychartDiagram'],
  'xychart-beta': ['xychartDiagram'],
  requirementDiagram: ['requirementDiagram', 'dagre'],
  gitGraph: ['gitGraphDiagram'],
  timeline: ['timeline-definition'],
  mindmap: ['mindmap-definition', 'cose-bilkent', 'dagre'],
  kanban: ['kanban-definition'],
  sankey: ['sankeyDiagram'],
  'sankey-beta': ['sankeyDiagram'],
  block: ['blockDiagram'],
  'block-beta': ['blockDiagram'],
  architecture: ['architectureDiagram'],
  'architecture-beta': ['architectureDiagram'],
  C4Context: ['c4Diagram'],
  C4Container: ['c4Diagram'],
  C4Component: ['c4Diagram'],
  C4Dynamic: ['c4Diagram'],
  C4Deployment: ['c4Diagram'],
};

/** The diagram keyword of a Mermaid source: its first word after front matter and %% lines. */
export function diagramKeyword(code: string): string {
  const body = code.replace(/^\s*---\r?\n[\s\S]*?\r?\n---\s*(\r?\n|$)/, '');
  for (const line of body.split(/\r?\n/)) {
    const text = line.trim();
    if (text === '' || text.startsWith('%%')) continue;
    return text.split(/[\s:;{]/)[0];
  }
  return '';
}

/** The chunk names to keep for these diagram sources, or null when one is unknown (keep all). */
export function chunksToKeep(codes: string[]): Set<string> | null {
  const keep = new Set<string>();
  for (const code of codes) {
    const chunks = DIAGRAM_CHUNKS[diagramKeyword(code)];
    if (!chunks) return null;
    for (const c of chunks) keep.add(c);
    if (code.includes('$$')) keep.add('katex');
  }
  return keep;
}

const STUB = '\0iur-deck:mermaid-stub';
const HASHED = /^(.+)-[A-Z0-9]{8}\.mjs$/;

/** The dynamic import's chunk name, if it is one Mermaid loads lazily; null otherwise. */
function lazyChunk(source: string, importer: string | undefined): string | null {
  if (!importer || !/[\\/]node_modules[\\/]mermaid[\\/]dist[\\/]/.test(importer)) return null;
  if (source === 'katex') return 'katex';
  if (!source.startsWith('./')) return null;
  const name = HASHED.exec(path.posix.basename(source))?.[1];
  return name && !name.startsWith('chunk') ? name : null;
}

export function mermaidTrimPlugin(options: { diagrams: () => string[]; log?: (line: string) => void }): Plugin {
  let keep: Set<string> | null | undefined;
  return {
    name: 'iur-deck:mermaid-trim',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      keep = undefined;
    },
    resolveId(source, importer) {
      // Decided at the first import, after the deck plugin has loaded the deck.
      if (keep === undefined) {
        keep = chunksToKeep(options.diagrams());
        if (!keep) options.log?.('a Mermaid diagram type is not in src/vite/mermaidTrim.ts: the build keeps every diagram type');
      }
      if (!keep) return null;
      const name = lazyChunk(source, importer);
      if (!name || keep.has(name)) return null;
      return { id: `${STUB}?${name}`, moduleSideEffects: false };
    },
    load(id) {
      if (!id.startsWith(STUB)) return null;
      const name = id.slice(STUB.length + 1);
      const message = `iur-deck: Mermaid's "${name}" is not bundled in this build (src/vite/mermaidTrim.ts)`;
      return `throw new Error(${JSON.stringify(message)});\nexport const diagram = undefined;\nexport default undefined;\n`;
    },
  };
}
