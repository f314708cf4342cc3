// The description (alt text) of a diagram picture, from its Mermaid source:
// its kind and its paths of labelled nodes, e.g.
// "流程图：基础研究 → 应用研究 → 试验发展 → 生产 → 市场".

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

function label(raw: string): string {
  return raw
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Node labels and edges, in source order. */
export function graphOf(code: string): { labels: Map<string, string>; edges: [string, string][] } {
  const labels = new Map<string, string>();
  const edges: [string, string][] = [];
  for (const line of code.split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('%%') || /^(subgraph|end|direction|columns|style|classDef|class|linkStyle)\b/.test(line)) continue;
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

export function diagramAlt(code: string): string {
  const body = code.replace(/^\s*%%\{[\s\S]*?\}%%\s*/m, '').trim();
  const first = body.split('\n')[0]?.trim() ?? '';
  const kind = KINDS.find(([re]) => re.test(first))?.[1] ?? '图';
  const { labels, edges } = graphOf(body.split('\n').slice(1).join('\n'));
  const name = (id: string): string => labels.get(id) ?? id;
  const described =
    edges.length > 0
      ? paths(edges).map((p) =>
          p
            .map(name)
            .filter((n) => n.trim() !== '' && n !== '+')
            .join(' → '),
        )
      : [...labels.values()];
  return `${kind}：${described.filter((d) => d !== '').join('；')}`;
}
