// Runs inside the page (through page.evaluate): reads how far the deck got and
// rearranges reveal.js's print view before printing (--range, notes pages,
// internal links). Every function here is self-contained: Puppeteer sends its
// source text to the browser, so it may not use imports or outer variables.

/** A slide as the page knows it: the data-file and data-line of its <section>. */
export type SlideKey = string;

export interface PageStatus {
  state: string;
  /** Slides (sections with data-file) and how many have every diagram drawn. */
  slides: number;
  drawn: number;
  fonts: string;
  /** reveal.js print view laid out (its .pdf-page elements exist). */
  printLayout: boolean;
  /** Undrawn diagrams: the slide's and the fence's place. */
  undrawn: { file: string; line: number; figureLine: number }[];
}

export function pageStatus(): PageStatus {
  // Fragment steps clone sections in print view: count each slide once.
  const slides = new Map<string, boolean>();
  for (const s of Array.from(document.querySelectorAll('.reveal section[data-file]'))) {
    const key = `${s.getAttribute('data-file')}:${s.getAttribute('data-line')}`;
    const drawn = s.querySelector('figure.mermaid-diagram:not([data-rendered])') === null;
    slides.set(key, (slides.get(key) ?? true) && drawn);
  }
  const undrawn = Array.from(document.querySelectorAll<HTMLElement>('figure.mermaid-diagram:not([data-rendered])')).map((figure) => {
    const section = figure.closest('section[data-file]');
    return {
      file: section?.getAttribute('data-file') ?? '?',
      line: Number(section?.getAttribute('data-line') ?? 0),
      figureLine: Number(figure.dataset.line ?? 0),
    };
  });
  return {
    state: document.documentElement.dataset.deck ?? 'no script',
    slides: slides.size,
    drawn: [...slides.values()].filter(Boolean).length,
    fonts: document.fonts.status,
    printLayout: document.querySelector('.reveal .slides .pdf-page') !== null,
    undrawn,
  };
}

export interface PrintPlan {
  /** Slides to print (`file:line`); null: all. */
  keep: SlideKey[] | null;
  /** Add a notes page after each printed slide that has speaker notes. */
  notes: boolean;
  /** Heading of a notes page per slide: number and title. */
  labels: Record<SlideKey, string>;
  /** reveal.js links (`#/3`, `#/3/1`) → the slide they go to. */
  links: Record<string, SlideKey>;
}

export interface PrintedPage {
  key: SlideKey;
  /** slide: its first page; step: a further fragment step; notes: its notes page. */
  kind: 'slide' | 'step' | 'notes';
}

/**
 * Keeps the chosen slides' pages, adds notes pages, points internal links at
 * element ids (Chromium turns `#id` links into PDF destinations) and returns
 * what each page of the PDF will show, in order.
 */
export function preparePrint(plan: PrintPlan): PrintedPage[] {
  const container = document.querySelector('.reveal .slides');
  if (!container) throw new Error('no .reveal .slides element');
  const keyOf = (el: Element | null): SlideKey | null =>
    el ? `${el.getAttribute('data-file')}:${el.getAttribute('data-line')}` : null;
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
