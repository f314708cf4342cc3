// The one description (alt text) of a Mermaid diagram, made from its source
// once, at parse time, by the Mermaid rule (rules/mermaid.ts), which writes it
// on the figure (aria-label): the page, the tagged PDF's Figure and the
// PowerPoint picture all read it from there. Its kind, then its paths of
// labelled nodes, then any label on no path (a group's title), e.g.
// "流程图：基础研究 → 应用研究 → 试验发展 → 生产 → 市场". Only labels the
// author wrote are said: a node without one (a bare id, a blank group) is
// skipped, never named by its id. A diagram that is no graph (a timeline, a
// mind map, a pie) is said by its texts.

const KINDS: [RegExp, string][] = [
  [/^(flowchart|graph)\b/, '流程图'],
  [/^sequenceDiagram\b/, '时序图'],
  [/^block(-beta)?\b/, '框图'],
  [/^mindmap\b/, '思维导图'],
  [/^timeline\b/, '时间线'],
  [/^pie\b/, '饼图'],
  [/^classDiagram\b/, '类图'],
  [/^stateDiagram/, '状态图'],
  [/^(gantt)\b/, '甘特图'],
  [/^quadrantChart\b/, '象限图'],
];

const EDGE = /\s*(?:-->|---|-\.->|-\.-|==>|===|--[ox]|<-->)\s*(?:\|[^|]*\|\s*)?/;
const NODE =
  /([A-Za-z_][\w-]*)\s*(?:\(\(\s*"?([^"]*?)"?\s*\)\)|\[\s*"?([^"\]]*?)"?\s*\]|\(\s*"?([^")]*?)"?\s*\)|\{\s*"?([^"}]*?)"?\s*\})?(?::\d+)?/g;
/** Lines that draw nothing to say: layout and styling. */
const SILENT = /^(end|direction|columns|style|classDef|class|linkStyle|click)\b/;

function label(raw: string): string {
  return raw
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Node (and group) labels, and edges, in source order. */
export function graphOf(code: string): { labels: Map<string, string>; edges: [string, string][] } {
  const labels = new Map<string, string>();
  const edges: [string, string][] = [];
  for (const raw of code.split('\n')) {
    // A group's title is a label too: subgraph ID["title"].
    const line = raw.trim().replace(/^subgraph\s+/, '');
    if (line === '' || line.startsWith('%%') || SILENT.test(line)) continue;
    const parts = line.split(EDGE).map((part) => {
      const ids: string[] = [];
      for (const m of part.matchAll(NODE)) {
        if (m[1] === 'space') continue;
        const text = m[2] ?? m[3] ?? m[4] ?? m[5];
        if (text !== undefined && label(text) !== '') labels.set(m[1], label(text));
        ids.push(m[1]);
      }
      return ids;
    });
    for (let i = 1; i < parts.length; i++) {
      const from = parts[i - 1][parts[i - 1].length - 1];
      const to = parts[i][0];
      if (from && to) edges.push([from, to]);
    }
  }
  return { labels, edges };
}

/** Paths through the edges: each follows a node's single unused way on. */
function paths(edges: [string, string][]): string[][] {
  const used = new Set<number>();
  const out: string[][] = [];
  edges.forEach(([from], start) => {
    if (used.has(start)) return;
    const path = [from];
    for (let i: number | undefined = start; i !== undefined;) {
      used.add(i);
      const to: string = edges[i][1];
      path.push(to);
      const next = edges.flatMap((e, j) => (e[0] === to && !used.has(j) ? [j] : []));
      i = next.length === 1 && !path.includes(edges[next[0]][1]) ? next[0] : undefined;
    }
    out.push(path);
  });
  return out;
}

/** The texts of a diagram that is no graph (a timeline, a mind map, a pie): its quoted texts, else each line's words. */
function texts(code: string): string[] {
  const quoted = Array.from(code.matchAll(/"([^"\n]*)"/g), (m) => label(m[1])).filter((t) => t !== '');
  if (quoted.length > 0) return quoted;
  return code
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*(title|section)\b/, '')
        .replace(/^\s*[\w-]+\s*(?=[[({])/, '')
        .replace(/[[\](){}]/g, ' '),
    )
    .flatMap((l) => l.split(':'))
    .map(label)
    .filter((t) => t !== '');
}

export function describeDiagram(code: string): string {
  const body = code.replace(/^\s*%%\{[\s\S]*?\}%%\s*/m, '').trim();
  const first = body.split('\n')[0]?.trim() ?? '';
  const kind = KINDS.find(([re]) => re.test(first))?.[1] ?? '图';
  const rest = body
    .split('\n')
    .slice(1)
    .filter((l) => !/^\s*(%%|classDef\b|class\b|style\b|linkStyle\b|click\b)/.test(l))
    .join('\n');
  const { labels, edges } = graphOf(rest);
  // '+' joins two causes in a drawn sum; in words the path reads better without it.
  const said = (id: string): string => (labels.get(id) ?? '').replace(/^\+$/, '');
  const routes = paths(edges)
    .map((p) => p.map(said).filter((n) => n !== ''))
    .filter((p) => p.length > 0);
  const onRoutes = new Set(paths(edges).flat());
  const alone = [...labels].filter(([id, text]) => !onRoutes.has(id) && text !== '+').map(([, text]) => text);
  const graph = /^(flowchart|graph|block|stateDiagram|classDiagram)/.test(first);
  const parts = graph ? [...routes.map((p) => p.join(' → ')), ...alone] : texts(rest);
  const unique = [...new Set(parts)];
  return unique.length > 0 ? `${kind}：${unique.join('；')}` : kind;
}
