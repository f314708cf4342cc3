// The deck doctor's rules, run in the page on one rendered slide: what a
// reader would see as broken (overflow, tiny text, Markdown left in text,
// stray spaces in Chinese, broken links, missing images, unknown classes).
import type { Problem } from '../../shared/problem.ts';

export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;
export const MIN_BODY_PX = 24;
export const MIN_DIAGRAM_PX = 16;

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
  level: Problem['level'];
  message: string;
  line?: number;
}

type Rule = (ctx: SlideContext) => Finding[];

const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const CJK_SPACE = new RegExp(`[${CJK}][ \\u00a0]+[${CJK}]`);
const MARKDOWN_LEFT = /\*\*|__|(^|\n)[ \t]*#{1,6}[ \t]|(^|\n)[ \t]*:::|\]\(|(^|\n)[ \t]*```/;
/** Decorative parts of a slide: not body text. */
const DECOR = 'aside.notes, .slide-footer, .slide-number, svg, .mermaid-source';

function visible(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'collapse';
}

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
function textBlocks(section: HTMLElement): { el: HTMLElement; text: string }[] {
  return Array.from(section.querySelectorAll<HTMLElement>(TEXT_BLOCKS))
    .filter((el) => !el.closest('aside.notes, .slide-footer, .mermaid-source, svg') && el.closest('section') === section)
    .map((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll(TEXT_BLOCKS).forEach((inner) => inner.remove());
      return { el, text: clone.textContent ?? '' };
    })
    .filter(({ text }) => text.trim() !== '');
}

function snippet(text: string, index: number): string {
  return text.slice(Math.max(0, index - 8), index + 10).replace(/\s+/g, ' ');
}

function elementsOf(section: HTMLElement): HTMLElement[] {
  return Array.from(section.querySelectorAll<HTMLElement>('*')).filter(
    (el) =>
      !el.closest('aside.notes') &&
      !el.closest('.mermaid-source') &&
      !(el.closest('svg') && el.tagName.toLowerCase() !== 'svg') &&
      el.closest('section') === section,
  );
}

const overflow: Rule = (ctx) => {
  const out: Finding[] = [];
  const reported: Element[] = [];
  for (const el of elementsOf(ctx.section)) {
    if (!visible(el) || reported.some((r) => r.contains(el))) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const sides: [number, string][] = [
      [(r.right - ctx.box.right) / ctx.scale, 'right of'],
      [(r.bottom - ctx.box.bottom) / ctx.scale, 'below'],
      [(ctx.box.left - r.left) / ctx.scale, 'left of'],
      [(ctx.box.top - r.top) / ctx.scale, 'above'],
    ];
    const [px, where] = sides.reduce((a, b) => (b[0] > a[0] ? b : a));
    if (px > 1) {
      reported.push(el);
      out.push({
        level: 'error',
        message: `overflow: ${describe(el)} sticks out ${Math.round(px)} px ${where} the 1280×720 slide`,
        line: lineOf(el, ctx),
      });
    }
  }
  return out;
};

const clipped: Rule = (ctx) =>
  elementsOf(ctx.section)
    .filter((el) => {
      const o = getComputedStyle(el).overflow;
      return (o === 'hidden' || o === 'clip') && (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2);
    })
    .map((el) => ({
      level: 'error' as const,
      message: `overflow: ${describe(el)} is cut off (content ${el.scrollWidth}×${el.scrollHeight} px in a ${el.clientWidth}×${el.clientHeight} px box)`,
      line: lineOf(el, ctx),
    }));

const tinyText: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const el of elementsOf(ctx.section)) {
    if (el.closest(DECOR) || !visible(el)) continue;
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (!ownText) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < MIN_BODY_PX)
      out.push({
        level: 'error',
        message: `text too small: ${describe(el)} is ${px.toFixed(1)} px (minimum ${MIN_BODY_PX} px)`,
        line: lineOf(el, ctx),
      });
  }
  return out;
};

/**
 * The smallest label of a drawn diagram, in px of the 1280×720 slide: each
 * element that holds label text itself, at its font size times the scale the
 * SVG is drawn at (preserveAspectRatio "meet": the smaller of the two ratios).
 * `slideScale`: screen px per slide px. Undefined when nothing is drawn yet.
 */
export function smallestLabelPx(svg: SVGSVGElement, slideScale: number): number | undefined {
  const viewBox = svg.viewBox.baseVal;
  const drawn = svg.getBoundingClientRect();
  if (!viewBox || viewBox.width === 0 || viewBox.height === 0 || drawn.width === 0) return undefined;
  const factor = Math.min(drawn.width / viewBox.width, drawn.height / viewBox.height) / slideScale;
  let smallest: number | undefined;
  for (const el of Array.from(svg.querySelectorAll('text, tspan, foreignObject *'))) {
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (!ownText) continue;
    // Not drawn: Mermaid keeps some measuring elements hidden in the SVG.
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    const px = parseFloat(style.fontSize) * factor;
    smallest = smallest === undefined ? px : Math.min(smallest, px);
  }
  return smallest;
}

const diagramText: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const figure of Array.from(ctx.section.querySelectorAll<HTMLElement>('figure.mermaid-diagram'))) {
    const svg = figure.querySelector('svg');
    const line = Number(figure.dataset.line ?? ctx.line);
    // A diagram that does not parse is reported as such, with its own line.
    if (figure.dataset.rendered === 'error') continue;
    if (!svg) {
      out.push({ level: 'error', message: 'diagram not drawn', line });
      continue;
    }
    const smallest = smallestLabelPx(svg, ctx.scale);
    if (smallest !== undefined && smallest < MIN_DIAGRAM_PX) {
      out.push({
        level: 'error',
        message: `diagram labels are ${smallest.toFixed(1)} px after scaling (minimum ${MIN_DIAGRAM_PX} px): fewer nodes, shorter labels or another direction`,
        line,
      });
    }
  }
  return out;
};

const textResidue: Rule = (ctx) => {
  const out: Finding[] = [];
  const blocks = textBlocks(ctx.section);
  for (const { el, text } of blocks) {
    const md = MARKDOWN_LEFT.exec(text);
    if (md) out.push({ level: 'error', message: `Markdown left in the slide's text: «${snippet(text, md.index)}»`, line: lineOf(el, ctx) });
    // A warning: `第一部分 概述` is common in Chinese headings, and soft line breaks never make such spaces.
    const space = CJK_SPACE.exec(text);
    if (space)
      out.push({
        level: 'warning',
        message: `space between two Chinese characters: «${snippet(text, space.index)}»`,
        line: lineOf(el, ctx),
      });
  }
  const text = slideText(ctx.section);
  // Text outside any block (the author's own HTML): judged on the slide's text as a whole.
  if (out.length === 0 && blocks.length === 0) {
    const md = MARKDOWN_LEFT.exec(text);
    if (md) out.push({ level: 'error', message: `Markdown left in the slide's text: «${snippet(text, md.index)}»` });
  }
  const hasMedia = ctx.section.querySelector('svg, img, video, canvas, iframe, figure') !== null;
  if (!text.trim() && !hasMedia) out.push({ level: 'warning', message: 'empty slide' });
  return out;
};

/** Full-width forms of the ASCII marks that Chinese text sets full-width. */
export const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };
/** An ASCII mark with a Chinese character on each side (spaces around it allowed). */
const ASCII_BETWEEN_CJK = new RegExp(`[${CJK}][ \\u00a0]*[,:;()!?][ \\u00a0]*(?=[${CJK}])`, 'g');

/**
 * ASCII punctuation between Chinese characters, with the fix: `1900年, 美国` →
 * `1900年，美国`. A regular expression over the slide's rendered text is
 * enough here; zhlint (the maintained Chinese-text linter) rewrites Markdown
 * sources with a parser of its own, which the page has no use for.
 */
export function asciiPunctuation(text: string): { found: string; fixed: string }[] {
  return Array.from(text.matchAll(ASCII_BETWEEN_CJK), (m) => {
    const start = Math.max(0, m.index - 6);
    const end = Math.min(text.length, m.index + m[0].length + 6);
    const found = text.slice(start, end);
    const fix = m[0].replace(/[ \u00a0]*([,:;()!?])[ \u00a0]*/, (_, mark: string) => FULL_WIDTH[mark]);
    return { found, fixed: text.slice(start, m.index) + fix + text.slice(m.index + m[0].length, end) };
  });
}

const punctuation: Rule = (ctx) =>
  textBlocks(ctx.section)
    .flatMap(({ el, text }) => asciiPunctuation(text.replace(/\s*\n\s*/g, ' ')).map((f) => ({ ...f, line: lineOf(el, ctx) })))
    .slice(0, 3)
    .map(({ found, fixed, line }) => ({
      level: 'warning' as const,
      message: `ASCII punctuation between Chinese characters: «${found}» → «${fixed}»`,
      line,
    }));

const links: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const a of Array.from(ctx.section.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))) {
    const href = a.getAttribute('href') ?? '';
    const slide = /^#\/(\d+)(?:\/(\d+))?$/.exec(href);
    if (slide) {
      const count = ctx.slideCount(Number(slide[1]));
      if (count === undefined || Number(slide[2] ?? 0) >= count)
        out.push({ level: 'error', message: `link to a slide that does not exist: ${href}`, line: lineOf(a, ctx) });
    } else if (href.length > 1 && !document.getElementById(decodeURIComponent(href.slice(1).replace(/^\//, '')))) {
      out.push({ level: 'error', message: `link to an anchor that does not exist: ${href}`, line: lineOf(a, ctx) });
    }
  }
  return out;
};

const images: Rule = (ctx) =>
  // An image the parse reported missing (data-missing) is said once, there.
  Array.from(ctx.section.querySelectorAll<HTMLImageElement>('img:not([data-missing])'))
    .filter((img) => img.complete && img.naturalWidth === 0)
    .map((img) => ({ level: 'error' as const, message: `image did not load: ${img.getAttribute('src')}`, line: lineOf(img, ctx) }));

/** Class names that nothing styles or handles are likely typos. */
const IGNORED_CLASS =
  /^(language-|r-|fade-|highlight-|grow|shrink|semi-fade-out|strike|current-visible|custom|visible|present|past|future|stack|has-|mermaid|diagram-|fragment|layout-|footer-|slide-|outline-|current$)/;

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

function closest(name: string, known: Set<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

const classes: Rule = (ctx) => {
  // Each unknown class, at the first element that has it.
  const unknown = new Map<string, Element>();
  for (const el of elementsOf(ctx.section)) {
    if (el.tagName.toLowerCase() === 'svg') continue;
    for (const c of Array.from(el.classList)) if (!ctx.knownClasses.has(c) && !IGNORED_CLASS.test(c) && !unknown.has(c)) unknown.set(c, el);
  }
  return Array.from(unknown).map(([c, el]) => {
    const near = closest(c, ctx.knownClasses);
    return {
      level: 'warning' as const,
      message: `unknown class ".${c}": no style or behaviour uses it${near ? ` (did you mean ".${near}"?)` : ''}`,
      line: lineOf(el, ctx),
    };
  });
};

/** Classes that say a slide is meant to hold only its heading. */
const HEADING_ONLY_OK = ['title-only', 'statement'];

/** A slide with a heading and nothing under it: a slide left unfinished, unless it is marked so (or a layout: divider, title …). */
const headingOnly: Rule = (ctx) => {
  const { section } = ctx;
  if (Array.from(section.classList).some((c) => c.startsWith('layout-'))) return [];
  const first = section.firstElementChild;
  if (!first || !/^H[1-6]$/.test(first.tagName)) return [];
  const marks = [...Array.from(section.classList), ...Array.from(first.classList)];
  const comment = Array.from(section.childNodes).some(
    (n) => n.nodeType === Node.COMMENT_NODE && /\.slide:.*\btitle-only\b/.test((n as Comment).data),
  );
  if (comment || marks.some((c) => HEADING_ONLY_OK.includes(c))) return [];
  const body = Array.from(section.children).filter((el) => el !== first && !el.matches('aside.notes, footer.slide-footer'));
  if (body.length > 0) return [];
  return [
    {
      level: 'warning',
      message:
        'this slide has a heading and nothing else: add its content, make it a divider (::: divider), or mark the heading {.title-only}',
      line: lineOf(first, ctx),
    },
  ];
};

export const RULES: Record<string, Rule> = {
  overflow,
  clipped,
  tinyText,
  diagramText,
  textResidue,
  punctuation,
  links,
  images,
  classes,
  headingOnly,
};
