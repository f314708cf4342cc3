// The layout pass: composes each slide from its measured content, once the
// bundled font is in and before reveal.js lays the deck out (so the screen,
// the print view behind the PDF and the doctor all see the same sizes).
// A slide's body type is a step of one fixed scale (composeRules.ts): short
// bodies step up and sit balanced under the title, one sentence becomes a
// statement, full bodies keep the base size or step down to the floor.
//
// Why a search over the scale and not a fitting library: fitty and reveal.js's
// r-fit-text fit one line to a width (white-space: nowrap, scale to the box's
// width). Chinese wraps between any two characters, so a width fit says
// nothing about whether a paragraph fits the height left under the title. We
// set the candidate size (data-compose-size → the --body-size CSS variable),
// let the browser wrap and lay out, and measure the height: a binary search
// over the scale's steps (two tries for three steps), all slides at once.
//
// The decision is written on the <section> as data attributes, which the
// theme styles and other readers of the laid-out DOM (the doctor, the look
// test, the PPTX export) use as they are:
//   data-compose       layout | statement | sparse | regular | dense | figure
//   data-compose-size  body size in px (24 | 28 | 32), absent for layout/statement
//   data-compose-step  index of that size in the scale (0 | 1 | 2)
//   data-compose-fill  share of the body area the content fills (0–1, 2 decimals)
import {
  BASE_STEP,
  BODY_SCALE,
  OVERRIDES,
  ROOMY_FILL,
  StepSearch,
  chooseKind,
  stepsFor,
  treatmentOf,
  type Override,
  type SlideFeatures,
} from './composeRules.ts';
import { fitPictures, holdPictures, sizedPictures } from './pictures.ts';

const SLIDE_WIDTH = 1280;
/** Parts of a section that are not its body. */
const NOT_BODY = 'footer.slide-footer, aside.notes';

function titleOf(section: HTMLElement): HTMLElement | undefined {
  const first = section.firstElementChild;
  return first instanceof HTMLElement && /^H[12]$/.test(first.tagName) ? first : undefined;
}

function bodyBlocks(section: HTMLElement, title: HTMLElement | undefined): HTMLElement[] {
  return Array.from(section.children).filter((el): el is HTMLElement => el instanceof HTMLElement && el !== title && !el.matches(NOT_BODY));
}

/** Classes from reveal.js's own slide comment, `<!-- .slide: class="dense" -->`, anywhere in the slide's top level. */
function slideCommentClasses(section: HTMLElement): string[] {
  return Array.from(section.childNodes)
    .filter((n): n is Comment => n.nodeType === Node.COMMENT_NODE)
    .flatMap((c) => /^\s*\.slide:\s*class\s*=\s*["']?([^"']*)["']?\s*$/.exec(c.data)?.[1].split(/\s+/) ?? []);
}

function overrideOf(section: HTMLElement, title: HTMLElement | undefined): Override | undefined {
  const fromComment = slideCommentClasses(section);
  return OVERRIDES.find((o) => section.classList.contains(o) || title?.classList.contains(o) || fromComment.includes(o));
}

function layoutOf(section: HTMLElement): string {
  const cls = Array.from(section.classList).find((c) => c.startsWith('layout-'));
  return cls ? cls.slice('layout-'.length) : '';
}

export function featuresOf(section: HTMLElement): SlideFeatures {
  const title = titleOf(section);
  const blocks = bodyBlocks(section, title);
  return {
    layout: layoutOf(section),
    override: overrideOf(section, title),
    blocks: blocks.map((b) => b.tagName.toLowerCase()),
    text: blocks
      .map((b) => b.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
    hasFigure: blocks.some((b) => b.matches('figure, img, video, canvas') || b.querySelector('figure, img, video, canvas') !== null),
  };
}

interface Fit {
  /** Nothing sticks out of the slide's content box (into the footer band or past the right edge). */
  fits: boolean;
  /** Height of the body's content over the height of the body area. */
  fill: number;
}

/** The body area under the title, in page px, and the page px per slide px. */
function bodyArea(section: HTMLElement, title: HTMLElement | undefined): { areaTop: number; areaBottom: number; scale: number } {
  const box = section.getBoundingClientRect();
  const scale = box.width / SLIDE_WIDTH || 1;
  const style = getComputedStyle(section);
  const areaTop = title
    ? title.getBoundingClientRect().bottom + parseFloat(getComputedStyle(title).marginBottom) * scale
    : box.top + parseFloat(style.paddingTop) * scale;
  return { areaTop, areaBottom: box.bottom - parseFloat(style.paddingBottom) * scale, scale };
}

/** Measures the section as it is laid out now (ratios only: correct under reveal.js's scaling). */
function measure(section: HTMLElement, title: HTMLElement | undefined, blocks: HTMLElement[]): Fit {
  const { areaTop, areaBottom, scale } = bodyArea(section, title);
  const visible = blocks.filter((b) => b.getClientRects().length > 0);
  if (visible.length === 0) return { fits: true, fill: 0 };
  const top = Math.min(...visible.map((b) => b.getBoundingClientRect().top));
  const bottom = Math.max(...visible.map((b) => b.getBoundingClientRect().bottom));
  const tolerance = 1;
  const fits =
    section.scrollHeight <= section.clientHeight + tolerance &&
    section.scrollWidth <= section.clientWidth + tolerance &&
    bottom <= areaBottom + tolerance * scale;
  return { fits, fill: (bottom - top) / Math.max(1, areaBottom - areaTop) };
}

function setStep(section: HTMLElement, step: number | undefined): void {
  if (step === undefined) {
    delete section.dataset.composeSize;
    delete section.dataset.composeStep;
  } else {
    section.dataset.composeSize = String(BODY_SCALE[step]);
    section.dataset.composeStep = String(step);
  }
}

interface Job {
  section: HTMLElement;
  stack: Element | null | undefined;
  title: HTMLElement | undefined;
  blocks: HTMLElement[];
  features: SlideFeatures;
  kind: 'statement' | 'figure' | 'text';
  search?: StepSearch;
  /** The candidate step being tried in this round. */
  trying?: number;
  /** Markdown pictures sized to the room left (src/client/pictures.ts). */
  pictures: HTMLImageElement[];
  fill: Record<number, number>;
}

function startSearch(job: Job): void {
  const kind = job.kind === 'figure' ? 'figure' : 'text';
  // Laid out as it will be shown, so that what is measured is what the audience sees.
  job.section.dataset.compose = kind === 'figure' ? 'figure' : 'regular';
  job.search = new StepSearch(stepsFor(kind, job.features.override));
}

/**
 * Composes every slide below `root` (the deck before reveal.js starts, or the
 * slides dev swaps in). The slides are searched together, round by round:
 * each round writes every slide's candidate size, then reads every slide's
 * boxes, so the page is laid out once a round (three or four rounds for a
 * deck of any size) instead of several times per slide.
 */
export function composeDeck(root: ParentNode = document): void {
  composeSlides(Array.from(root.querySelectorAll<HTMLElement>('section[data-file]')));
}

/** Composes these slides alone (a save in dev swaps in only the slides that changed). */
export function composeSlides(sections: readonly HTMLElement[]): void {
  const jobs: Job[] = [];
  for (const section of sections) {
    const title = titleOf(section);
    const features = featuresOf(section);
    const kind = chooseKind(features);
    if (kind === 'layout') {
      section.dataset.compose = 'layout';
      setStep(section, undefined);
      delete section.dataset.composeFill;
      continue;
    }
    jobs.push({
      section,
      stack: section.parentElement?.closest('section'),
      title,
      blocks: bodyBlocks(section, title),
      features,
      kind,
      fill: {},
      pictures: sizedPictures(section),
    });
  }
  // reveal.js hides every slide but the current one (and a stack's parent with
  // it): lay these out, invisibly, while they are measured.
  for (const job of jobs) {
    job.section.setAttribute('data-composing', '');
    job.stack?.setAttribute('data-composing', '');
  }
  try {
    // Pictures hold a placeholder while the text is sized.
    for (const job of jobs) holdPictures(job.pictures);
    // Round 0: statements as statements; the others start their search.
    for (const job of jobs) {
      if (job.kind === 'statement') {
        job.section.dataset.compose = 'statement';
        setStep(job.section, undefined);
      } else startSearch(job);
    }
    const statements = jobs.filter((j) => j.kind === 'statement');
    const statementFits = statements.map((j) => measure(j.section, j.title, j.blocks));
    statements.forEach((job, i) => {
      if (statementFits[i].fits) job.section.dataset.composeFill = statementFits[i].fill.toFixed(2);
      else {
        job.kind = 'text';
        startSearch(job);
      }
    });
    // Search rounds: write every candidate, then read every slide.
    for (;;) {
      const active = jobs.filter((j) => j.search && (j.trying = j.search.next()) !== undefined);
      if (active.length === 0) break;
      for (const job of active) setStep(job.section, job.trying);
      const fits = active.map((job) => measure(job.section, job.title, job.blocks));
      active.forEach((job, i) => {
        const step = job.trying as number;
        job.fill[step] = fits[i].fill;
        const roomyBudget = job.features.override === 'roomy' ? 1 : ROOMY_FILL;
        job.search?.report(fits[i].fits && (step <= BASE_STEP || fits[i].fill <= roomyBudget));
      });
    }
    // The answer: the step found (its fill measured on the way, else now).
    const searched = jobs.filter((j) => j.search);
    for (const job of searched) setStep(job.section, job.search?.value);
    // The text at its size, the pictures take the room left.
    for (const job of jobs.filter((j) => j.pictures.length > 0)) {
      const { areaBottom, scale } = bodyArea(job.section, job.title);
      fitPictures(job.section, job.pictures, areaBottom, scale, NOT_BODY);
    }
    const unmeasured = searched.filter((j) => j.fill[j.search?.value ?? -1] === undefined);
    const late = unmeasured.map((j) => measure(j.section, j.title, j.blocks).fill);
    unmeasured.forEach((job, i) => (job.fill[job.search?.value ?? -1] = late[i]));
    for (const job of searched) {
      const step = job.search?.value ?? BASE_STEP;
      const fill = job.fill[step] ?? 0;
      job.section.dataset.compose = treatmentOf(job.kind === 'figure' ? 'figure' : 'text', step, fill, job.features.override);
      job.section.dataset.composeFill = fill.toFixed(2);
    }
  } finally {
    for (const job of jobs) {
      job.section.removeAttribute('data-composing');
      job.stack?.removeAttribute('data-composing');
    }
  }
}
