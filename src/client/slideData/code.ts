// A code block for the slide reader: one paragraph a line, one run a token in
// its colour, in the code font, leading spaces kept; the line number as the
// line's first run, padded so the code starts where it does on the slide, and
// a wrapped line hanging under it. A line dimmed by a step (its opacity) gets
// its colours mixed into the block's background, as it shows; a block whose
// lines change with its steps ({1|2-3|all}) keeps them lit instead, and its
// steps travel with it (the lines lit at each, the fragment and slide step
// each is, how a dimmed line shows) for the PowerPoint file to draw each step.
import type { CodeInfo, Colour, Item, Paragraph, Run } from '../../shared/slideData.ts';
import { mix } from '../../shared/colourMix.ts';
import { stepOf } from './steps.ts';
import { contentBox } from './geometry.ts';
import { runOf } from './runs.ts';
import { colour, lineHeightOf, px } from './style.ts';

function lineRuns(line: Element, digits: number, ground: Colour, lit: boolean): Run[] {
  const opacity = lit ? 1 : Number(getComputedStyle(line).opacity || '1');
  const runs: Run[] = [];
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent) continue;
    const cs = getComputedStyle(parent);
    const number = parent.classList.contains('code-ln');
    const text = number ? `${(node.textContent ?? '').padStart(digits)} ` : (node.textContent ?? '');
    const run = runOf(text, cs);
    run.colour = mix(run.colour, ground, opacity);
    run.mono = true;
    runs.push(run);
  }
  return runs;
}

/** The fragment index of an element of the step markers, or of a fragment `el` is in. */
const fragmentOf = (el: Element | null): number | undefined => {
  const at = el?.closest('[data-fragment-index]')?.getAttribute('data-fragment-index');
  return at === null || at === undefined ? undefined : Number(at);
};

/** The steps of a block with marked lines: which lines each lights, at which fragment. */
export function codeSteps(pre: Element): CodeInfo['steps'] {
  if (!pre.classList.contains('code-marked')) return [];
  const lines = Array.from(pre.querySelectorAll('.code-line'));
  const markers = Array.from(pre.querySelectorAll(':scope > .code-step'));
  const steps: CodeInfo['steps'] = [
    { lines: [] },
    ...markers.map((m) => ({ fragment: fragmentOf(m), step: stepOf(m), lines: [] as number[] })),
  ];
  lines.forEach((line, i) => {
    // The on/off pairs of the line (src/markdown/code/codeHtml.ts): lit from `on`'s step up to `off`'s.
    for (const off of Array.from(line.querySelectorAll('.code-off'))) {
      const on = off.parentElement;
      const from = on?.classList.contains('fragment') ? steps.findIndex((s) => s.fragment === fragmentOf(on)) : 0;
      const to = off.classList.contains('fragment') ? steps.findIndex((s) => s.fragment === fragmentOf(off)) : steps.length;
      for (let s = Math.max(0, from); s < to; s++) steps[s].lines.push(i + 1);
    }
  });
  return steps;
}

/** How a line no step lights shows: the opacity of a bare line of the block (the theme's dimming). */
function dimOpacity(pre: HTMLElement): number {
  const probe = document.createElement('span');
  probe.className = 'code-line';
  (pre.querySelector('code') ?? pre).appendChild(probe);
  const opacity = Number(getComputedStyle(probe).opacity || '1');
  probe.remove();
  return opacity;
}

export function codeItem(pre: HTMLElement, out: Item[]): void {
  const cs = getComputedStyle(pre);
  const ground = colour(cs.backgroundColor) ?? { hex: 'FFFFFF', alpha: 1 };
  const lines = Array.from(pre.querySelectorAll<HTMLElement>('.code-line'));
  const digits = String(lines.length).length;
  const steps = codeSteps(pre);
  // Lines that change with the steps are read lit; the writer dims them per step.
  const stepped = steps.length > 1;
  const paragraphs: Paragraph[] = lines.map((line) => {
    const lcs = getComputedStyle(line);
    const runs = lineRuns(line, pre.classList.contains('code-numbered') ? digits : 0, ground, stepped);
    return {
      runs: runs.length > 0 ? runs : [{ ...runOf('', lcs), mono: true }],
      align: 'left',
      lineHeight: lineHeightOf(lcs),
      spaceBefore: 0,
      indent: px(lcs.paddingLeft),
      bulletAt: 0,
      level: 0,
      hanging: true,
    };
  });
  if (paragraphs.length === 0) return;
  const box = contentBox(pre, cs);
  out.push({
    kind: 'text',
    tag: 'pre',
    box,
    column: box,
    paragraphs,
    code: { lang: pre.getAttribute('data-lang') ?? '', steps, ...(stepped ? { dim: { opacity: dimOpacity(pre), ground } } : {}) },
    fragment: fragmentOf(pre.parentElement?.closest('.fragment') ?? null),
  });
}
