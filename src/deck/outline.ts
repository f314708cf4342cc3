// The generated outline (`::: outline`): the parts that have a title and a
// marker, each linking to its first slide, the current part marked.
import type { Part, Slide } from './model.ts';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderOutline(parts: Part[], slides: Slide[], currentPart: number): string {
  const items = parts
    .filter((p) => p.inOutline)
    .map((p) => {
      const first = slides[p.firstSlide];
      const current = p.index === currentPart;
      const href = first ? `#/${first.h}` : '#';
      const attrs = current ? ' class="current" aria-current="step"' : '';
      return `<li${attrs}><a href="${href}">${escape(p.title)}</a></li>`;
    });
  return `<ol class="outline-list">${items.join('')}</ol>`;
}
