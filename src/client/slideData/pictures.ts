// Pictures for the slide reader: an <svg>, <img> or <canvas> as a
// picture item at its place (and its place on the whole print view, for the
// PNG), what it is (a diagram, an icon, an image) and its description: an
// icon is named by its card's heading, an image by its alt text; a diagram's
// description is made from its source in Node.
import type { Item, PictureItem } from '../../shared/slideData.ts';
import { boxOf } from './geometry.ts';
import { stepOf } from './steps.ts';
import { svgText } from './svgText.ts';

/** The heading of the card (or block) an icon sits in. */
function headingNear(el: Element): string {
  const heading = el.closest('h1, h2, h3, h4, h5, h6') ?? el.closest('li, section')?.querySelector('h1, h2, h3, h4, h5, h6');
  return (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function describe(el: Element): { role: PictureItem['role']; alt: string; line?: number } {
  const figure = el.closest('figure');
  if (
    figure &&
    el.tagName.toLowerCase() === 'svg' &&
    figure.querySelector(':scope > svg') === el &&
    /mermaid|diagram/.test(figure.className)
  ) {
    return { role: 'diagram', alt: figure.getAttribute('aria-label') ?? '', line: Number(figure.getAttribute('data-line')) || undefined };
  }
  const own = el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? el.querySelector(':scope > title')?.textContent ?? '';
  if (el.tagName.toLowerCase() === 'svg' && (el.getAttribute('data-icon') !== null || /icon/.test(el.getAttribute('class') ?? ''))) {
    const heading = headingNear(el);
    return { role: 'icon', alt: heading ? `图标：${heading}` : own || `图标：${el.getAttribute('data-icon') ?? ''}` };
  }
  return { role: 'image', alt: own || (figure?.querySelector('figcaption')?.textContent ?? '').trim() };
}

export function pictureItem(el: Element, svgFonts: string, out: Item[]): void {
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return;
  const box = boxOf(r);
  const clip = { x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height };
  const { role, alt, line } = describe(el);
  out.push({
    kind: 'picture',
    box,
    clip,
    svg: el instanceof SVGSVGElement ? svgText(el, svgFonts) : '',
    alt,
    role,
    line,
    step: stepOf(el),
  });
}
