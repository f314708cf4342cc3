// Computed style as plain values for the slide reader: colours as hex and
// opacity, lengths in px, borders, alignment, line height, and which elements
// the reader skips or treats as inline text.
import type { Border, Colour, Paragraph } from '../../shared/slideData.ts';

/** Inline boxes flow in their block's text; an inline-block is a box of its own (a motto, a badge). ('' is a DOM without a user-agent sheet.) */
export const INLINE = new Set(['inline', 'contents', 'ruby', '']);
export const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'ASIDE']);

export function colour(css: string): Colour | undefined {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(css);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  const hex = [m[1], m[2], m[3]]
    .map((v) => Math.round(Number(v)).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  return { hex, alpha };
}

export const visible = (c: Colour | undefined): c is Colour => c !== undefined && c.alpha > 0.02;
export const px = (v: string): number => Number.parseFloat(v) || 0;

export function borderOf(cs: CSSStyleDeclaration, side: string): Border | null {
  const style = cs.getPropertyValue(`border-${side}-style`);
  const width = px(cs.getPropertyValue(`border-${side}-width`));
  const c = colour(cs.getPropertyValue(`border-${side}-color`));
  if (style === 'none' || style === 'hidden' || width <= 0 || !visible(c)) return null;
  return { colour: c, width };
}

export const hidden = (cs: CSSStyleDeclaration): boolean =>
  cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse' || (cs.opacity !== '' && Number(cs.opacity) === 0);

export function alignOf(cs: CSSStyleDeclaration): Paragraph['align'] {
  const a = cs.textAlign;
  if (a === 'center' || a === '-webkit-center') return 'center';
  if (a === 'right' || a === 'end' || a === '-webkit-right') return 'right';
  if (a === 'justify') return 'justify';
  return 'left';
}

export function lineHeightOf(cs: CSSStyleDeclaration): number {
  const lh = cs.lineHeight;
  // 'normal' for Noto Sans SC is about 1.45 em.
  return lh === 'normal' ? px(cs.fontSize) * 1.45 : px(lh);
}

export const isInline = (el: Element): boolean => INLINE.has(getComputedStyle(el).display);
