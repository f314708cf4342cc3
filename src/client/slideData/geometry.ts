// Boxes for the slide reader: CSS px from the top-left corner of the
// slide page being read (its origin is set once per page).
import type { Box } from '../../shared/slideData.ts';
import { px } from './style.ts';

let origin = { x: 0, y: 0 };

/** Sets the page whose top-left corner the boxes that follow are measured from. */
export function setOrigin(x: number, y: number): void {
  origin = { x, y };
}

export function originOf(): { x: number; y: number } {
  return origin;
}

export function boxOf(r: DOMRect): Box {
  return { x: r.left - origin.x, y: r.top - origin.y, w: r.width, h: r.height };
}

/** The box inside an element's padding and border: where its lines wrap. */
export function contentBox(el: Element, cs: CSSStyleDeclaration): Box {
  const b = boxOf(el.getBoundingClientRect());
  const l = px(cs.paddingLeft) + px(cs.borderLeftWidth);
  const r = px(cs.paddingRight) + px(cs.borderRightWidth);
  const t = px(cs.paddingTop) + px(cs.borderTopWidth);
  const bo = px(cs.paddingBottom) + px(cs.borderBottomWidth);
  return { x: b.x + l, y: b.y + t, w: Math.max(1, b.w - l - r), h: Math.max(1, b.h - t - bo) };
}
