// Diagram labels too small to read: a drawn diagram is scaled to fit its
// slide, and its smallest label, at that scale, must be at least 16 px of the
// 1280×720 slide; a diagram that was not drawn is an error too (one that does
// not parse is said by the page, with its own line).
import { ownsText, type Finding, type Rule } from '../context.ts';

export const MIN_DIAGRAM_PX = 16;

/**
 * Slide pixels per SVG unit: the SVG is drawn at the smaller of its two ratios
 * (preserveAspectRatio "meet"), over the screen pixels per slide pixel.
 */
export function drawnScale(
  viewBox: { width: number; height: number },
  drawn: { width: number; height: number },
  slideScale: number,
): number {
  return Math.min(drawn.width / viewBox.width, drawn.height / viewBox.height) / slideScale;
}

/**
 * The smallest label of a drawn diagram, in px of the 1280×720 slide: each
 * element that holds label text itself, at its font size times the scale the
 * SVG is drawn at. `slideScale`: screen px per slide px. Undefined when
 * nothing is drawn yet.
 */
export function smallestLabelPx(svg: SVGSVGElement, slideScale: number): number | undefined {
  const viewBox = svg.viewBox.baseVal;
  const drawn = svg.getBoundingClientRect();
  if (!viewBox || viewBox.width === 0 || viewBox.height === 0 || drawn.width === 0) return undefined;
  const factor = drawnScale(viewBox, drawn, slideScale);
  let smallest: number | undefined;
  for (const el of Array.from(svg.querySelectorAll('text, tspan, foreignObject *'))) {
    if (!ownsText(el)) continue;
    // Not drawn: Mermaid keeps some measuring elements hidden in the SVG.
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    const px = parseFloat(style.fontSize) * factor;
    smallest = smallest === undefined ? px : Math.min(smallest, px);
  }
  return smallest;
}

export const diagramLabels: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const figure of Array.from(ctx.section.querySelectorAll<HTMLElement>('figure.mermaid-diagram'))) {
    const svg = figure.querySelector('svg');
    const line = Number(figure.dataset.line ?? ctx.line);
    // A diagram that does not parse is reported as such, with its own line.
    if (figure.dataset.rendered === 'error') continue;
    if (!svg) {
      out.push({ level: 'error', message: 'diagram not drawn', line });
      continue;
    }
    const smallest = smallestLabelPx(svg, ctx.scale);
    if (smallest !== undefined && smallest < MIN_DIAGRAM_PX) {
      out.push({
        level: 'error',
        message: `diagram labels are ${smallest.toFixed(1)} px after scaling (minimum ${MIN_DIAGRAM_PX} px): fewer nodes, shorter labels or another direction`,
        line,
      });
    }
  }
  return out;
};
