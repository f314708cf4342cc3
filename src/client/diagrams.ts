// Draws ```mermaid placeholders as SVG. Mermaid is imported on demand (the
// deck core stays small) and draws each diagram in an off-screen stage of the
// slide's size: reveal.js hides non-current slides, and Mermaid measuring text
// inside a hidden slide draws broken diagrams. A diagram the exporter drew
// before (window.__iurPrerendered, same source, shell and browser) is used as
// is; what this page draws is kept in window.__iurDrawn for it to remember.
import type { Mermaid } from 'mermaid';
import { addProblem } from './readiness.ts';
import { describeMermaidError, diagramLines, mermaidErrorFacts } from '../shared/mermaidError.ts';

const cache = new Map<string, string>(Object.entries(window.__iurPrerendered ?? {}));
const drawn: Record<string, string> = {};
window.__iurDrawn = drawn;
let mermaidPromise: Promise<Mermaid> | undefined;

/** An id from the source (FNV-1a): the same diagram gets the same SVG wherever it is drawn. */
function diagramId(code: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return `iur-diagram-${(h >>> 0).toString(36)}`;
}

function themeVariables(): Record<string, string> {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const bg = v('--deck-bg', '#ffffff');
  const text = v('--deck-text', '#1a1a1a');
  const node = v('--diagram-node', '#e8eef6');
  const nodeAlt = v('--diagram-node-alt', '#fbeaea');
  const border = v('--diagram-border', '#1f4e79');
  const title = v('--diagram-title', border);
  // Timeline, mindmap and kanban colour their sections from cScale0…11:
  // alternate the theme's two node fills instead of Mermaid's rainbow.
  const scale: Record<string, string> = {};
  for (let i = 0; i < 12; i++) {
    scale[`cScale${i}`] = i % 2 === 0 ? node : nodeAlt;
    scale[`cScalePeer${i}`] = border;
    scale[`cScaleLabel${i}`] = text;
  }
  return {
    fontFamily: v('--deck-font', 'sans-serif'),
    fontSize: v('--diagram-font-size', '20px'),
    primaryColor: node,
    primaryBorderColor: border,
    primaryTextColor: text,
    secondaryColor: nodeAlt,
    secondaryBorderColor: v('--diagram-accent', border),
    secondaryTextColor: text,
    tertiaryColor: bg,
    tertiaryBorderColor: border,
    tertiaryTextColor: text,
    lineColor: v('--diagram-line', '#1f4e79'),
    background: bg,
    mainBkg: node,
    nodeBorder: border,
    nodeTextColor: text,
    textColor: text,
    titleColor: title,
    clusterBkg: v('--diagram-cluster', bg),
    clusterBorder: v('--diagram-cluster-border', border),
    edgeLabelBackground: bg,
    noteBkgColor: v('--diagram-cluster', bg),
    noteBorderColor: border,
    noteTextColor: text,
    ...scale,
  };
}

async function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'base',
      themeVariables: themeVariables(),
      // Label text at the theme's size; the theme scales each SVG to fill the room left on its slide.
      flowchart: { useMaxWidth: true, htmlLabels: true, padding: 16, nodeSpacing: 44, rankSpacing: 56, curve: 'basis' },
      block: { useMaxWidth: true, padding: 12 },
      timeline: { useMaxWidth: true, disableMulticolor: false },
    });
    return mermaid;
  });
  return mermaidPromise;
}

function stage(): HTMLElement {
  let el = document.getElementById('iur-diagram-stage');
  if (!el) {
    el = document.createElement('div');
    el.id = 'iur-diagram-stage';
    el.setAttribute('aria-hidden', 'true');
    el.style.cssText = 'position:absolute;left:-20000px;top:0;width:1180px;height:auto;visibility:hidden;';
    document.body.appendChild(el);
  }
  return el;
}

/** The error in plain words, at its line in the sources: the fence's line plus the diagram's. */
function diagramProblem(figure: HTMLElement, code: string, error: unknown): { file: string; line: number; message: string } {
  const section = figure.closest('section[data-file]');
  const fence = Number(figure.dataset.line ?? 0);
  const { line, message } = describeMermaidError(mermaidErrorFacts(error), diagramLines(code));
  return { file: section?.getAttribute('data-file') ?? 'deck', line: fence + line, message };
}

const codeOf = (figure: HTMLElement) => figure.querySelector('.mermaid-source')?.textContent ?? '';

function undrawn(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('figure.mermaid-diagram:not([data-rendered])'));
}

/** Starts loading Mermaid now if some diagram will need it (while the font loads, say). */
export function prepareDiagrams(root: ParentNode = document): void {
  if (undrawn(root).some((f) => !cache.has(codeOf(f)))) loadMermaid().catch(() => {});
}

/** Draws every diagram below `root` that is not drawn yet. */
export async function renderDiagrams(root: ParentNode = document): Promise<void> {
  for (const figure of undrawn(root)) {
    const code = codeOf(figure);
    let svg = cache.get(code);
    if (!svg) {
      // Mermaid is loaded (once) only when a diagram is not drawn yet; failing to load it is no diagram's fault.
      const mermaid = await loadMermaid();
      const id = diagramId(code);
      try {
        await mermaid.parse(code);
        svg = (await mermaid.render(id, code, stage())).svg;
      } catch (error) {
        document.getElementById(id)?.remove();
        document.getElementById(`d${id}`)?.remove();
        figure.dataset.rendered = 'error';
        figure.classList.add('diagram-error');
        const { file, line, message } = diagramProblem(figure, code, error);
        addProblem({ pos: { file, line }, level: 'error', message: `Mermaid diagram does not parse: ${message}` });
        continue;
      }
      cache.set(code, svg);
      drawn[code] = svg;
    }
    figure.insertAdjacentHTML('beforeend', svg);
    figure.dataset.rendered = 'true';
  }
}
