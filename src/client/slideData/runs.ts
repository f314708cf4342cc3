// Text runs for the slide reader: an element's inline content as runs of
// one style each (size, weight, colour, link), line breaks where the page has
// them (<br>, pre-formatted text, the lines of a balanced heading), white
// space tidied as the browser collapses it.
import type { Run } from '../../shared/slideData.ts';
import { colour, INLINE, px, SKIP } from './style.ts';

export function runOf(text: string, cs: CSSStyleDeclaration): Run {
  return {
    text,
    size: px(cs.fontSize),
    bold: Number(cs.fontWeight) >= 600,
    italic: cs.fontStyle === 'italic' || cs.fontStyle === 'oblique',
    underline: cs.textDecorationLine.includes('underline'),
    colour: colour(cs.color) ?? { hex: '000000', alpha: 1 },
  };
}

/** A formula: the parse's wrapper with role="img" and its TeX as label (src/markdown/rules/math.ts). */
export function isFormula(el: Element): boolean {
  return el.classList.contains('math') && el.getAttribute('role') === 'img';
}

/** A formula as one run that carries its TeX, not KaTeX's glyph soup: the PowerPoint writer makes it an equation. */
export function formulaRun(el: Element): Run {
  const tex = el.getAttribute('aria-label') ?? '';
  const line = Number(el.closest('[data-line]')?.getAttribute('data-line')) || undefined;
  const step = el.closest('.fragment')?.getAttribute('data-fragment-index');
  const fragment = step === null || step === undefined ? undefined : Number(step);
  return { ...runOf(tex, getComputedStyle(el)), math: { tex, display: el.classList.contains('math-display'), line, fragment } };
}

/** A link a slide can hold: http(s) and mailto as they are, a jump within the deck as `#/h` or `#/h/v`. */
export function linkOf(a: Element): string | undefined {
  const href = a.getAttribute('href') ?? '';
  if (/^#\/\d+(\/\d+)?\/?$/.test(href)) return href;
  if (/^(https?:|mailto:)/i.test(href)) return href;
  return undefined;
}

/**
 * Where the browser broke the lines of a balanced heading (text-wrap:
 * balance), which PowerPoint cannot do: offsets in each text node.
 */
export function balancedBreaks(el: Element): Map<Node, number[]> {
  const breaks = new Map<Node, number[]>();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let lineTop: number | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (let c = 0; c < text.length; c++) {
      range.setStart(node, c);
      range.setEnd(node, c + 1);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (lineTop !== null && r.top > lineTop + r.height / 2) breaks.set(node, [...(breaks.get(node) ?? []), c]);
      if (lineTop === null || r.top > lineTop + r.height / 2) lineTop = r.top;
    }
  }
  return breaks;
}

function textRuns(node: Node, runs: Run[], link: string | undefined, breaks: Map<Node, number[]> | undefined): void {
  const parent = node.parentElement;
  if (!parent) return;
  const cs = getComputedStyle(parent);
  const pre = cs.whiteSpace.startsWith('pre') || cs.whiteSpace === 'break-spaces';
  const raw = node.textContent ?? '';
  if (pre) {
    raw.split('\n').forEach((line, i) => {
      const run = runOf(line, cs);
      if (i > 0) run.breakBefore = true;
      if (link) run.link = link;
      if (line !== '' || i > 0) runs.push(run);
    });
    return;
  }
  const at = breaks?.get(node) ?? [];
  [0, ...at].forEach((start, i) => {
    const text = raw.slice(start, at[i] ?? raw.length).replace(/[ \t\n\r\f]+/g, ' ');
    if (text === '' && i === 0) return;
    const run = runOf(text, cs);
    if (i > 0) run.breakBefore = true;
    if (link) run.link = link;
    runs.push(run);
  });
}

/** The runs of an element's inline content; block children are left to the walk. */
export function runsOf(el: Element, runs: Run[], link?: string, breaks?: Map<Node, number[]>): void {
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      textRuns(node, runs, link, breaks);
    } else if (node instanceof Element) {
      if (SKIP.has(node.tagName)) continue;
      const cs = getComputedStyle(node);
      if (cs.display === 'none') continue;
      if (node.tagName === 'BR') {
        runs.push({ ...runOf('', cs), breakBefore: true });
        continue;
      }
      // A formula is one run with its TeX (formulas.ts), not KaTeX's pieces.
      if (isFormula(node) && INLINE.has(cs.display)) {
        runs.push(formulaRun(node));
        continue;
      }
      if (!INLINE.has(cs.display)) continue;
      if (node.tagName.toLowerCase() === 'svg' || node.tagName === 'IMG') continue;
      const href = node.tagName === 'A' ? (linkOf(node) ?? link) : link;
      runsOf(node, runs, href, breaks);
    }
  }
}

const sameStyle = (a: Run, b: Run): boolean =>
  !a.math &&
  !b.math &&
  a.mono === b.mono &&
  a.size === b.size &&
  a.bold === b.bold &&
  a.italic === b.italic &&
  a.underline === b.underline &&
  a.colour.hex === b.colour.hex &&
  a.link === b.link;

/** Drops white space at line starts and ends, and merges runs of one style. */
export function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  let atLineStart = true;
  for (const r of runs) {
    let text = r.text;
    if (r.breakBefore) {
      const last = out[out.length - 1];
      if (last) last.text = last.text.replace(/ +$/, '');
      atLineStart = true;
    }
    if (atLineStart) text = text.replace(/^ +/, '');
    if (text === '' && !r.breakBefore) continue;
    const last = out[out.length - 1];
    if (last && !r.breakBefore && sameStyle(last, r)) last.text += text;
    else out.push({ ...r, text });
    if (text !== '') atLineStart = / $/.test(text) ? atLineStart : false;
  }
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/ +$/, '');
  return out.filter((r, i) => r.text !== '' || r.breakBefore || i === 0);
}

export const hasText = (runs: Run[]): boolean => runs.some((r) => r.text.trim() !== '');

/** An element's own inline runs followed by those of its block children, one line after another (a loose list item, a cell). */
export function blockRuns(el: Element, skip: (child: Element) => boolean): Run[] {
  const runs: Run[] = [];
  runsOf(el, runs);
  for (const child of Array.from(el.children)) {
    if (INLINE.has(getComputedStyle(child).display) || skip(child)) continue;
    if (runs.length > 0) runs.push({ ...runOf('', getComputedStyle(child)), breakBefore: true });
    // A link set as a block (an outline entry) is still a link.
    runsOf(child, runs, child.tagName === 'A' ? linkOf(child) : undefined);
  }
  return tidy(runs);
}
