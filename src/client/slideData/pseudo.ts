// Pseudo-elements for the slide reader: a ::before or ::after that draws
// (a background, a border or text: the title rule, the part bar) is measured
// through a short-lived copy with its computed style, put in its place while
// the pseudo-element steps aside. All copies of a page go in at once and are
// measured in one layout. List items' ::before are their bullets: the list's
// paragraphs carry them.
import type { Item } from '../../shared/slideData.ts';
import { boxOf, contentBox } from './geometry.ts';
import { runOf } from './runs.ts';
import { shapesOf } from './shapes.ts';
import { stepOf } from './steps.ts';
import { alignOf, borderOf, colour, lineHeightOf, visible } from './style.ts';

type Which = '::before' | '::after';

interface Pending {
  el: Element;
  which: Which;
  copy: HTMLElement;
  text: string;
  /** Where its items go in the slide's list (drawing order). */
  index: number;
}

/** Hides the pseudo-elements being measured (their copies stand in). */
export function quietStyle(): HTMLStyleElement {
  const quiet = document.createElement('style');
  quiet.textContent = '[data-iur-no-before]::before,[data-iur-no-after]::after{content:none!important;display:none!important}';
  return quiet;
}

export class PseudoQueue {
  private pending: Pending[] = [];

  /** Queues an element's ::before or ::after if it draws. */
  add(el: Element, which: Which, out: Item[]): void {
    const cs = getComputedStyle(el, which);
    const content = cs.content;
    if (!content || content === 'none' || content === 'normal' || cs.display === 'none') return;
    if (el.tagName === 'LI') return;
    const text = /^"(.*)"$/.exec(content)?.[1] ?? '';
    const draws =
      visible(colour(cs.backgroundColor)) || ['top', 'right', 'bottom', 'left'].some((s) => borderOf(cs, s)) || text.trim() !== '';
    if (!draws) return;
    const copy = document.createElement('iur-pseudo');
    for (let i = 0; i < cs.length; i++) {
      const name = cs[i];
      copy.style.setProperty(name, cs.getPropertyValue(name));
    }
    copy.textContent = text;
    this.pending.push({ el, which, copy, text, index: out.length });
  }

  /** Puts every queued copy in place, measures them in one layout, takes them out again, and inserts their items. */
  measure(out: Item[]): void {
    const pending = this.pending;
    for (const p of pending) {
      p.el.setAttribute(`data-iur-no-${p.which.slice(2)}`, '');
      if (p.which === '::before') p.el.prepend(p.copy);
      else p.el.append(p.copy);
    }
    const measured = pending.map((p) => measureOne(p));
    for (const p of pending) {
      p.copy.remove();
      p.el.removeAttribute(`data-iur-no-${p.which.slice(2)}`);
    }
    // Last first, so that the earlier places stay where they were.
    for (let i = pending.length - 1; i >= 0; i--) out.splice(pending[i].index, 0, ...measured[i]);
    this.pending = [];
  }
}

function measureOne(p: Pending): Item[] {
  const items: Item[] = [];
  const box = boxOf(p.copy.getBoundingClientRect());
  const ccs = getComputedStyle(p.copy);
  const tag = `${p.el.tagName.toLowerCase()}${p.which}`;
  const step = stepOf(p.el);
  shapesOf(ccs, box, tag, items, step);
  if (p.text.trim() !== '') {
    items.push({
      kind: 'text',
      box: contentBox(p.copy, ccs),
      tag,
      paragraphs: [
        {
          runs: [runOf(p.text, ccs)],
          align: alignOf(ccs),
          lineHeight: lineHeightOf(ccs),
          spaceBefore: 0,
          indent: 0,
          bulletAt: 0,
          level: 0,
          step,
        },
      ],
    });
  }
  return items;
}
