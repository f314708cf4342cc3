// The print plan, applied in the page (client bundle; the exporter calls
// window.__iurDeck.preparePrint, see expose.ts): rearranges reveal.js's print
// view before printing (--range, notes pages, internal links) and says what
// each printed page shows. The plan itself is made in Node
// (src/export/print/pages.ts).
import type { PrintedPage, PrintPlan, SlideKey } from '../../shared/printView.ts';

/**
 * Keeps the chosen slides' pages, adds notes pages, points internal links at
 * element ids (Chromium turns `#id` links into PDF destinations) and returns
 * what each page of the PDF will show, in order.
 */
export function preparePrint(plan: PrintPlan, document: Document = window.document): PrintedPage[] {
  const container = document.querySelector('.reveal .slides');
  if (!container) throw new Error('no .reveal .slides element');
  const keyOf = (el: Element | null): SlideKey | null => (el ? `${el.getAttribute('data-file')}:${el.getAttribute('data-line')}` : null);
  const keep = plan.keep ? new Set(plan.keep) : null;

  const style = document.createElement('style');
  style.textContent = [
    '.reveal .slides .pdf-page.iur-notes-page{background:var(--deck-bg,#fff);color:var(--deck-text,#1a1a1a);font-family:var(--deck-font,sans-serif)}',
    '.iur-notes{position:absolute;inset:0;padding:56px 72px;box-sizing:border-box;overflow:hidden;text-align:left;font-size:28px;line-height:1.6}',
    '.iur-notes-heading{margin:0 0 24px;padding-bottom:12px;border-bottom:2px solid currentColor;font-size:24px;font-weight:700;opacity:.75}',
    '.iur-notes-body p{margin:0 0 .6em}',
  ].join('\n');
  document.head.appendChild(style);

  const pages: { el: HTMLElement; key: SlideKey; kind: PrintedPage['kind'] }[] = [];
  let previous: SlideKey | null = null;
  for (const el of Array.from(container.querySelectorAll<HTMLElement>(':scope > .pdf-page'))) {
    const key = keyOf(el.querySelector('section[data-file]'));
    if (key === null || (keep && !keep.has(key))) {
      el.remove();
      continue;
    }
    pages.push({ el, key, kind: key === previous ? 'step' : 'slide' });
    previous = key;
  }

  if (plan.notes) {
    for (let i = pages.length - 1; i >= 0; i--) {
      const { el, key } = pages[i];
      if (pages[i + 1]?.key === key) continue; // notes follow the slide's last step
      const aside = el.querySelector('section[data-file] aside.notes');
      if (!aside || (aside.textContent ?? '').trim() === '') continue;
      const page = document.createElement('div');
      page.className = 'pdf-page iur-notes-page';
      page.style.height = el.style.height;
      const box = document.createElement('div');
      box.className = 'iur-notes';
      const heading = document.createElement('h2');
      heading.className = 'iur-notes-heading';
      heading.textContent = plan.labels[key] ?? '';
      const body = document.createElement('div');
      body.className = 'iur-notes-body';
      body.innerHTML = aside.innerHTML;
      box.append(heading, body);
      page.appendChild(box);
      el.after(page);
      // Long notes: shrink the text until it fits the one page.
      for (let size = 28; size > 12 && box.scrollHeight > box.clientHeight; size -= 2) box.style.fontSize = `${size - 2}px`;
      pages.splice(i + 1, 0, { el: page, key, kind: 'notes' });
    }
  }

  // One page each: a break after every page but the last (no trailing blank page).
  pages.forEach(({ el }, i) => {
    el.style.breakAfter = i === pages.length - 1 ? 'avoid' : 'page';
  });

  // Internal links: the first printed element of the target slide gets the
  // link (its id); a link to a slide left out by --range becomes plain text.
  const firstSection = new Map<SlideKey, Element>();
  for (const section of Array.from(container.querySelectorAll('.pdf-page section[data-file]'))) {
    const key = keyOf(section);
    if (key !== null && !firstSection.has(key)) firstSection.set(key, section);
  }
  let n = 0;
  for (const a of Array.from(container.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]'))) {
    const target = plan.links[a.getAttribute('href') ?? ''];
    const section = target === undefined ? undefined : firstSection.get(target);
    if (!section) {
      a.removeAttribute('href');
      continue;
    }
    if (!section.id) section.id = `iur-slide-${++n}`;
    a.setAttribute('href', `#${section.id}`);
  }

  return pages.map(({ key, kind }) => ({ key, kind }));
}
