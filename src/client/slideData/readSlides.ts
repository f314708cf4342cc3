// The slide reader's entry: walks reveal.js's print view, after fonts,
// diagrams and fitting are done, and returns each slide as plain data for
// src/export/pptx/writePptx.ts (boxes, runs, bullets, cells, pictures, notes),
// with its layout (title, section header, content), its heading marked, and
// its fragment steps (steps.ts) on the items and paragraphs they show.
import type { Colour, Item, ReadOptions, SlideData } from '../../shared/slideData.ts';
import { walk } from './blocks.ts';
import { setOrigin } from './geometry.ts';
import { notesOf } from './notes.ts';
import { PseudoQueue, quietStyle } from './pseudo.ts';
import { beginSteps } from './steps.ts';
import { colour, visible } from './style.ts';

/** The slide's layout in PowerPoint's terms, from the deck's layout classes. */
export function layoutOf(section: Element): SlideData['layout'] {
  if (section.matches('.layout-title') || section.querySelector(':scope > .layout-title')) return 'title';
  if (section.matches('.layout-divider') || section.querySelector(':scope > .layout-divider')) return 'section';
  return 'content';
}

/** The slide's heading: its first h1 or h2 outside the footer and the notes. */
export function headingOf(section: Element): Element | null {
  return Array.from(section.querySelectorAll('h1, h2')).find((h) => !h.closest('footer, aside')) ?? null;
}

function backgroundOf(page: Element, section: Element): Colour {
  let background = colour(getComputedStyle(page).backgroundColor);
  if (!visible(background)) background = colour(getComputedStyle(section).backgroundColor);
  if (!visible(background)) background = colour(getComputedStyle(document.body).backgroundColor);
  return visible(background) ? background : { hex: 'FFFFFF', alpha: 1 };
}

/** A text box that holds a formula keeps its place on the whole print view: its picture, where PowerPoint cannot edit it. */
function markFormulas(items: Item[], page: { x: number; y: number }): void {
  for (const item of items) {
    if (item.kind !== 'text' || !item.paragraphs.some((p) => p.runs.some((r) => r.math))) continue;
    item.formula = { clip: { x: item.box.x + page.x, y: item.box.y + page.y, w: item.box.w, h: item.box.h } };
  }
}

export function readSlides(options: ReadOptions): SlideData[] {
  const keep = options.keep ? new Set(options.keep) : null;
  const quiet = quietStyle();
  document.head.appendChild(quiet);
  const pseudo = new PseudoQueue();
  const slides: SlideData[] = [];
  const seen = new Set<string>();
  try {
    for (const page of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'))) {
      const section = page.querySelector('section[data-file]');
      if (!section) continue;
      const key = `${section.getAttribute('data-file')}:${section.getAttribute('data-line')}`;
      // Fragment steps repeat a slide: the first page of each slide, all fragments shown.
      if (seen.has(key) || (keep && !keep.has(key))) continue;
      seen.add(key);
      const pr = page.getBoundingClientRect();
      setOrigin(pr.left, pr.top);
      const items: Item[] = [];
      const steps = beginSteps(section);
      const ctx = { title: headingOf(section), svgFonts: options.svgFonts, pseudo };
      for (const child of Array.from(page.children)) walk(child, ctx, items);
      pseudo.measure(items);
      markFormulas(items, { x: pr.left + window.scrollX, y: pr.top + window.scrollY });
      slides.push({
        key,
        layout: layoutOf(section),
        background: backgroundOf(page, section),
        items,
        notes: notesOf(section),
        page: { x: pr.left + window.scrollX, y: pr.top + window.scrollY, w: pr.width, h: pr.height },
        steps,
      });
    }
  } finally {
    quiet.remove();
  }
  return slides;
}
