// What every rule of the deck doctor gets and gives: the slide it looks at,
// laid out (SlideContext), and what it finds there (Finding), with the helpers
// several rules share: the slide's own elements, its text blocks, an
// element's source line, a short description of an element. The rules
// themselves are one file each in rules/; inspect.ts runs them all.
import type { Level } from '../../shared/problem.ts';

export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;

export interface SlideContext {
  section: HTMLElement;
  file: string;
  line: number;
  /** The slides box in page pixels and its scale to slide pixels. */
  box: DOMRect;
  scale: number;
  knownClasses: Set<string>;
  slideCount: (h: number) => number | undefined;
}

/** A rule's finding; `line` when it knows better than the slide's first line. */
export interface Finding {
  level: Level;
  message: string;
  line?: number;
}

export type Rule = (ctx: SlideContext) => Finding[];

export function visible(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'collapse';
}

/** `<tag.class> «its text»`, shortened: how a message names an element. */
export function describe(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const cls = el.classList.length ? `.${Array.from(el.classList).join('.')}` : '';
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return `<${tag}${cls}>${text ? ` «${text.length > 24 ? `${text.slice(0, 24)}…` : text}»` : ''}`;
}

/** Text the audience sees on the slide (notes, footer and hidden source excluded). */
export function slideText(section: HTMLElement): string {
  const clone = section.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('aside.notes, .slide-footer, .mermaid-source, section').forEach((el) => el.remove());
  return clone.textContent ?? '';
}

/** The source line of an element: its own data-line, or its nearest block's (markdown-it puts one on each). */
export function lineOf(el: Element, ctx: SlideContext): number {
  const block = el.closest('[data-line]');
  return block && block !== ctx.section && ctx.section.contains(block) ? Number(block.getAttribute('data-line')) : ctx.line;
}

/** Blocks whose own text is checked one by one, so an excerpt never runs from one into the next. */
const TEXT_BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, figcaption, blockquote';

/** Each text block of the slide with its own text (nested blocks left to themselves). */
export function textBlocks(section: HTMLElement): { el: HTMLElement; text: string }[] {
  return Array.from(section.querySelectorAll<HTMLElement>(TEXT_BLOCKS))
    .filter((el) => !el.closest('aside.notes, .slide-footer, .mermaid-source, svg') && el.closest('section') === section)
    .map((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll(TEXT_BLOCKS).forEach((inner) => inner.remove());
      return { el, text: clone.textContent ?? '' };
    })
    .filter(({ text }) => text.trim() !== '');
}

/** A few characters either side of `index`, for a message. */
export function snippet(text: string, index: number): string {
  return text.slice(Math.max(0, index - 8), index + 10).replace(/\s+/g, ' ');
}

/** The slide's own elements: not its notes, not a diagram's source or drawing, not a nested slide's. */
export function elementsOf(section: HTMLElement): HTMLElement[] {
  return Array.from(section.querySelectorAll<HTMLElement>('*')).filter(
    (el) =>
      !el.closest('aside.notes') &&
      !el.closest('.mermaid-source') &&
      !(el.closest('svg') && el.tagName.toLowerCase() !== 'svg') &&
      el.closest('section') === section,
  );
}

/** Whether an element holds text itself (not only in its children). */
export function ownsText(el: Element): boolean {
  return Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
}
