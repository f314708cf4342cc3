// A standalone copy of an inline SVG for the slide reader: its HTML
// labels (Mermaid's foreignObject) turned into SVG <text> at the place the
// browser drew each line, sized as drawn, fonts named for the receiver, and
// currentColor written out (alone in a file it would draw black).
import { px } from './style.ts';

const NS = 'http://www.w3.org/2000/svg';

interface Line {
  chars: string;
  left: number;
  top: number;
  height: number;
}

/** Each line of a text node, from where the browser put its characters. */
function linesOf(node: Node): Line[] {
  const text = node.textContent ?? '';
  const lines: Line[] = [];
  const range = document.createRange();
  for (let c = 0; c < text.length; c++) {
    range.setStart(node, c);
    range.setEnd(node, c + 1);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.top - r.top) < r.height / 2) line.chars += text[c];
    else lines.push({ chars: text[c], left: r.left, top: r.top, height: r.height });
  }
  return lines;
}

/** One label (a foreignObject) as <text> elements, placed through the root's screen transform. */
function labelTexts(fo: SVGForeignObjectElement, toSvg: DOMMatrix, fonts: string, into: Element): void {
  // CSS px inside the label → screen px: the label box's drawn width over its own.
  const foWidth = fo.width.baseVal.value;
  const toScreen = foWidth > 0 ? fo.getBoundingClientRect().width / foWidth : 1;
  const walker = document.createTreeWalker(fo, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || (node.textContent ?? '').trim() === '') continue;
    const cs = getComputedStyle(parent);
    for (const line of linesOf(node)) {
      const chars = line.chars.replace(/\s+/g, ' ').trim();
      if (chars === '') continue;
      // The baseline sits at about 0.8 of the glyph box (ascent of a CJK sans font).
      const p = new DOMPoint(line.left, line.top + line.height * 0.8).matrixTransform(toSvg);
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', p.x.toFixed(2));
      t.setAttribute('y', p.y.toFixed(2));
      t.setAttribute('font-size', (px(cs.fontSize) * toScreen * Math.hypot(toSvg.a, toSvg.b)).toFixed(2));
      t.setAttribute('fill', cs.color);
      if (Number(cs.fontWeight) >= 600) t.setAttribute('font-weight', 'bold');
      t.setAttribute('style', `font-family:${fonts}`);
      t.textContent = chars;
      into.appendChild(t);
    }
  }
}

export function svgText(svg: SVGSVGElement, fonts: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const fo of Array.from(copy.querySelectorAll('foreignObject'))) fo.remove();
  // Labels go into one group at the top level, placed through the root's own
  // screen transform (viewBox and scale): nested transforms need no care.
  const rootCtm = svg.getScreenCTM();
  const labels = document.createElementNS(NS, 'g');
  labels.setAttribute('class', 'iur-labels');
  if (rootCtm) {
    const toSvg = rootCtm.inverse();
    for (const fo of Array.from(svg.querySelectorAll('foreignObject'))) labelTexts(fo, toSvg, fonts, labels);
  }
  if (labels.childNodes.length > 0) copy.appendChild(labels);
  copy.setAttribute('xmlns', NS);
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  // Size the copy as drawn (Mermaid gives max-width and 100 %).
  const r = svg.getBoundingClientRect();
  copy.setAttribute('width', String(Math.round(r.width)));
  copy.setAttribute('height', String(Math.round(r.height)));
  copy.removeAttribute('style');
  for (const text of Array.from(copy.querySelectorAll('text'))) {
    if (!text.getAttribute('style')?.includes('font-family'))
      text.setAttribute('style', `${text.getAttribute('style') ?? ''};font-family:${fonts}`);
  }
  return new XMLSerializer().serializeToString(copy).replace(/currentColor/g, getComputedStyle(svg).color);
}
