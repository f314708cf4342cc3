// The HTML of a code block: one <span class="code-line"> a line (block
// boxes, so a long line wraps under itself, never past the slide), each token
// a span in its colour, line numbers in a gutter of their own, and marked
// lines and steps as reveal.js fragments. A line is lit while one of its
// `.code-on.visible > .code-off:not(.visible)` pairs holds (themes/institute.css):
// the pair of a run of steps a…b is a fragment of step a around a fragment
// of step b+1, so the browser, the print view and `--fragments` (each page a
// step) all light the right lines with CSS alone; step 0 is on at once.
import type { CodeToken } from './tokens.ts';

export interface CodeBlock {
  lang: string;
  /** 1-based source line of the fence. */
  line: number;
  lines: CodeToken[][];
  lineNumbers: boolean;
  /** Lit lines per step (null: all); empty: nothing marked. */
  steps: (number[] | null)[];
  /** reveal.js fragment index of step 1 (steps after the first are fragments). */
  fragmentBase: number;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function tokenStyle(t: CodeToken): string {
  const style = [`color:${t.colour}`];
  if (t.fontStyle & 1) style.push('font-style:italic');
  if (t.fontStyle & 2) style.push('font-weight:700');
  if (t.fontStyle & 4) style.push('text-decoration:underline');
  return style.join(';');
}

/** A line's tokens as spans, neighbours of the same style merged. */
export function tokensHtml(tokens: CodeToken[]): string {
  const merged: CodeToken[] = [];
  for (const t of tokens) {
    const last = merged[merged.length - 1];
    if (last && tokenStyle(last) === tokenStyle(t)) last.text += t.text;
    else merged.push({ ...t });
  }
  return merged.map((t) => `<span style="${escape(tokenStyle(t))}">${escape(t.text)}</span>`).join('');
}

/** The runs of consecutive steps in which line `n` is lit, as [first, last] step pairs. */
export function litRuns(n: number, steps: (number[] | null)[]): [number, number][] {
  const runs: [number, number][] = [];
  steps.forEach((lit, s) => {
    if (lit !== null && !lit.includes(n)) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === s - 1) last[1] = s;
    else runs.push([s, s]);
  });
  return runs;
}

/** Wraps a line's content in the on/off pairs of its lit runs. */
function wrapRuns(inner: string, runs: [number, number][], block: CodeBlock): string {
  const last = block.steps.length - 1;
  const fragment = (step: number, cls: string) =>
    `<span class="fragment custom ${cls}" data-fragment-index="${block.fragmentBase + step - 1}">`;
  let html = inner;
  for (const [a, b] of [...runs].reverse()) {
    const off = b < last ? fragment(b + 1, 'code-off') : '<span class="code-off">';
    const on = a === 0 ? '<span class="code-on visible">' : fragment(a, 'code-on');
    html = `${on}${off}${html}</span></span>`;
  }
  return html;
}

export function codeBlockHtml(block: CodeBlock): string {
  const marked = block.steps.length > 0;
  const classes = ['code-block', block.lineNumbers ? 'code-numbered' : '', marked ? 'code-marked' : ''].filter(Boolean).join(' ');
  const width = String(block.lines.length).length;
  const lines = block.lines.map((tokens, i) => {
    const n = i + 1;
    const number = block.lineNumbers ? `<span class="code-ln" aria-hidden="true">${n}</span>` : '';
    const text = tokensHtml(tokens);
    return `<span class="code-line">${number}${marked ? wrapRuns(text, litRuns(n, block.steps), block) : text}</span>`;
  });
  // One empty fragment per step: every step's index exists even when no line changes at it (reveal.js closes gaps).
  const markers = block.steps
    .slice(1)
    .map((_, s) => `<span class="fragment custom code-step" data-fragment-index="${block.fragmentBase + s}" aria-hidden="true"></span>`)
    .join('');
  const attrs = [
    `class="${classes}"`,
    `data-line="${block.line}"`,
    block.lang ? `data-lang="${escape(block.lang)}"` : '',
    block.steps.length > 1 ? `data-steps="${block.steps.length}"` : '',
    block.lineNumbers ? `style="--code-gutter:${width + 1}ch"` : '',
  ].filter(Boolean);
  return `<pre ${attrs.join(' ')}>${markers}<code>${lines.join('')}</code></pre>\n`;
}
