// End to end, the deck as the audience sees it: the talk under slides/ (or the
// fixture deck when there is none yet) and the composition fixture deck
// (tests/fixtures/compose: a statement, 3- and 12-item lists, a wide table, a
// diagram, 2/3/4 cards, an author override, title pages of 1 to 5 lines), each
// built once, served on loopback and opened in a real Chromium at 1280×720.
// Every slide is visited once, with its fragments shown, and checked: nothing
// outside the 1280×720 slide box, no literal `**`, no space between two CJK
// characters, diagrams drawn as SVG with labels of at least 16 px (20 px for
// the linear and chain-linked models), text in the bundled font (computed
// family and the font Chromium actually used, through the DevTools protocol),
// body text of at least 24 px in at most three sizes across the deck, no void
// under the content (see VOID below), title pages that hold, and colour
// contrast by axe-core.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import type { Browser, CDPSession, Page, Protocol } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndServe, launchBrowser, openDeck, type Served } from '../../helpers/deckPage.ts';
import { MIN_DIAGRAM_PX } from '../../../src/client/doctor/rules/diagramLabels.ts';
import { BODY_SCALE, MAX_VOID, voidBelow, type Span } from '../../../src/client/composeRules.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

/** The deck to check: $IUR_SLIDES, else slides/ once it has Markdown files, else the fixture deck. */
const SLIDES_DIR =
  process.env.IUR_SLIDES ??
  (existsSync('slides') && readdirSync('slides').some((f) => f.endsWith('.md')) ? 'slides' : 'tests/fixtures/basic');
/** The composition fixture deck: every case the composer handles. */
const COMPOSE_DIR = 'tests/fixtures/compose';
const DECKS = [...new Set([SLIDES_DIR, COMPOSE_DIR])];
/** Diagrams that must use the room they have: their labels at this size or more. */
const LARGE_DIAGRAMS = /线性创新模型|交互创新模型/;
const LARGE_DIAGRAM_PX = 20;
/** At most this many body text sizes across a deck. */
const MAX_BODY_SIZES = 3;

/** The CSS family of the bundled font, and the family name its files carry. */
const DECK_FAMILY = 'IUR Noto Sans SC';
const FONT_NAME = /^Noto Sans SC$/;
const MIN_BODY_PX = 24;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Text elements checked for their platform font, per slide (CDP calls are cheap, but not free). */
const FONT_NODES_PER_SLIDE = 40;

interface SlideRef {
  id: string;
  h: number;
  v: number;
  /** `file:line` of the slide's source. */
  where: string;
}

interface Measured {
  /** The composer's decision (data-compose) and body size (data-compose-size). */
  compose: string;
  composeSize: string;
  /** Font sizes (px) of body text: own text of p, li, td, th, blockquote, dd on composed slides. */
  bodySizes: number[];
  /** The body area under the title and the span of the body's element boxes, in slide px (composed slides only). */
  area?: Span;
  content?: Span;
  /** A title page: its number of lines, and what does not hold. */
  titleLines?: number;
  titleProblems: string[];
  /** The smallest label of each drawn diagram, px at 1280×720. */
  labels: number[];
  outside: string[];
  text: string;
  diagrams: { svg: boolean; text: string }[];
  /** The doctor's findings on diagram labels (under 16 px after scaling, or not drawn). */
  diagramLabels: string[];
  families: string[];
  smallBody: string[];
}

interface SlideReport extends Measured {
  slide: SlideRef;
  fonts: string[];
  contrast: string[];
}

let browser: Browser;
let served: Served;
let page: Page;
let cdp: CDPSession;
let domTree: Protocol.DOM.Node;
let reports: SlideReport[] = [];
/** Slide id → `data-compose/data-compose-size` in the print view. */
let printComposition: Record<string, string> = {};

/** Every slide's reveal.js indices, id and source position, in reading order. */
async function slideRefs(): Promise<SlideRef[]> {
  return page.evaluate(() => {
    const refs: { id: string; h: number; v: number; where: string }[] = [];
    const top = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > section'));
    top.forEach((section, h) => {
      const own = section.hasAttribute('data-file')
        ? [section]
        : Array.from(section.querySelectorAll<HTMLElement>(':scope > section[data-file]'));
      own.forEach((slide, v) => {
        refs.push({ id: slide.id, h, v, where: `${slide.dataset.file ?? '?'}:${slide.dataset.line ?? '?'}` });
      });
    });
    return refs;
  });
}

/** Shows slide (h, v) through the URL hash, with all its fragments, and waits until it is fully shown. */
async function show(slide: SlideRef): Promise<void> {
  await page.evaluate(
    (h, v) => {
      location.hash = `#/${h}/${v}`;
    },
    slide.h,
    slide.v,
  );
  await waitInPage(
    page,
    `slide ${slide.id} shown`,
    (id) => {
      const el = document.getElementById(id);
      return !!el && el.classList.contains('present') && getComputedStyle(el).opacity === '1';
    },
    { timeout: 30_000 },
    slide.id,
  );
  await page.evaluate((id) => {
    document
      .getElementById(id)
      ?.querySelectorAll('.fragment')
      .forEach((f) => f.classList.add('visible'));
  }, slide.id);
  // Let fragment transitions (opacity) finish before measuring colours.
  await waitInPage(
    page,
    `the fragments of slide ${slide.id} shown`,
    (id) => Array.from(document.getElementById(id)?.querySelectorAll('.fragment') ?? []).every((f) => getComputedStyle(f).opacity === '1'),
    { timeout: 10_000 },
    slide.id,
  );
}

/** Geometry, text, diagrams and computed fonts of the slide on show (runs in the page). */
async function measure(slide: SlideRef): Promise<Measured> {
  return page.evaluate(
    (slideId, minBody) => {
      const section = document.getElementById(slideId) as HTMLElement;
      const frame = (document.querySelector('.reveal .slides') as HTMLElement).getBoundingClientRect();
      const scale = frame.width / 1280;
      const tol = 0.5 * scale;
      const describe = (el: Element): string => {
        const cls = el.getAttribute('class');
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `<${el.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ''}>${text ? ` "${text}"` : ''}`;
      };
      const hidden = (el: Element): boolean => {
        if (el.closest('aside.notes, pre.mermaid-source, defs, marker, style, script')) return true;
        const style = getComputedStyle(el);
        return style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0;
      };

      const outside: string[] = [];
      const reported: Element[] = [];
      for (const el of [section, ...Array.from(section.querySelectorAll('*'))]) {
        if (hidden(el)) continue;
        // Report the outermost element only: its children go with it.
        if (reported.some((r) => r.contains(el))) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const box = {
          left: (r.left - frame.left) / scale,
          top: (r.top - frame.top) / scale,
          right: (r.right - frame.left) / scale,
          bottom: (r.bottom - frame.top) / scale,
        };
        if (r.left < frame.left - tol || r.top < frame.top - tol || r.right > frame.right + tol || r.bottom > frame.bottom + tol) {
          const at = `[${box.left.toFixed(0)}, ${box.top.toFixed(0)}, ${box.right.toFixed(0)}, ${box.bottom.toFixed(0)}]`;
          outside.push(`${describe(el)} at ${at} (1280×720 box)`);
          reported.push(el);
        }
      }

      const diagrams = Array.from(section.querySelectorAll('figure.mermaid-diagram')).map((figure) => {
        const svg = figure.querySelector('svg');
        return { svg: svg !== null, text: (svg?.textContent ?? '').trim() };
      });
      // Label size is measured by the deck doctor (src/client/doctor/rules/diagramLabels.ts), the one place that measures it.
      if (!window.__iurDeck?.inspect) throw new Error('the page has no deck doctor (window.__iurDeck.inspect)');
      const diagramLabels = window.__iurDeck
        .inspect()
        .filter((p) => /^diagram (labels|not drawn)/.test(p.message))
        .map((p) => `${p.pos.file}:${p.pos.line}: ${p.message}`);

      const families: string[] = [];
      const smallBody: string[] = [];
      const textEls = Array.from(section.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, td, th, blockquote, dt, dd, figcaption'));
      for (const el of textEls) {
        if (hidden(el) || el.closest('svg, footer')) continue;
        const style = getComputedStyle(el);
        const family = style.fontFamily
          .split(',')[0]
          .trim()
          .replace(/^["']|["']$/g, '');
        if (family !== 'IUR Noto Sans SC') families.push(`${describe(el)}: font-family ${style.fontFamily}`);
        const size = parseFloat(style.fontSize);
        if (!/^H\d$/.test(el.tagName) && size < minBody) smallBody.push(`${describe(el)}: ${size}px`);
      }
      // Composition: body sizes, and the boxes of the void measure.
      const compose = section.dataset.compose ?? '';
      const composeSize = section.dataset.composeSize ?? '';
      // Display type, not body: slides with a layout of their own, and statements.
      const display = Array.from(section.classList).some((c) => c.startsWith('layout-')) || compose === 'statement';
      const bodySizes: number[] = [];
      if (!display) {
        for (const el of Array.from(section.querySelectorAll('p, li, td, th, blockquote, dd'))) {
          if (hidden(el) || el.closest('svg, footer, h1, h2, h3, h4, h5, h6')) continue;
          const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
          if (own) bodySizes.push(parseFloat(getComputedStyle(el).fontSize));
        }
      }
      const toSlide = (y: number) => (y - frame.top) / scale;
      let area: { top: number; bottom: number } | undefined;
      let content: { top: number; bottom: number } | undefined;
      if (!display) {
        const first = section.firstElementChild;
        const title = first && /^H[12]$/.test(first.tagName) ? first : null;
        const sBox = section.getBoundingClientRect();
        const sStyle = getComputedStyle(section);
        const top = title
          ? title.getBoundingClientRect().bottom + parseFloat(getComputedStyle(title).marginBottom) * scale
          : sBox.top + parseFloat(sStyle.paddingTop) * scale;
        area = { top: toSlide(top), bottom: toSlide(sBox.bottom - parseFloat(sStyle.paddingBottom) * scale) };
        const blocks = Array.from(section.children).filter(
          (el) => el !== title && !el.matches('footer.slide-footer, aside.notes') && !hidden(el),
        );
        if (blocks.length > 0) {
          const boxes = blocks.map((b) => b.getBoundingClientRect());
          content = { top: toSlide(Math.min(...boxes.map((b) => b.top))), bottom: toSlide(Math.max(...boxes.map((b) => b.bottom))) };
        }
      }
      // A title page holds: the subtitle shares the title's band, no line overlaps the band or
      // another line, and the lines under the band sit centred in the white below it.
      let titleLines: number | undefined;
      const titleProblems: string[] = [];
      const cover = section.querySelector<HTMLElement>(':scope > div.layout-title');
      if (cover) {
        const h1 = cover.querySelector(':scope > h1');
        const ps = Array.from(cover.querySelectorAll<HTMLElement>(':scope > p'));
        titleLines = (h1 ? 1 : 0) + ps.length;
        if (h1) {
          const h = h1.getBoundingClientRect();
          const sub = ps.find((p) => p.matches('h1 + p:not(.title-meta), p.title-subtitle'));
          let bandBottom = h.bottom;
          if (sub) {
            const b = sub.getBoundingClientRect();
            if (Math.abs(b.top - h.bottom) > 1)
              titleProblems.push(`subtitle ${((b.top - h.bottom) / scale).toFixed(0)} px away from the title's band`);
            if (getComputedStyle(sub).backgroundColor !== getComputedStyle(h1).backgroundColor)
              titleProblems.push('subtitle not on the band colour');
            bandBottom = b.bottom;
          }
          const lines = ps.filter((p) => p !== sub).map((p) => p.getBoundingClientRect());
          let previous = bandBottom;
          for (const line of lines) {
            if (line.top < previous - 0.5)
              titleProblems.push(`a line overlaps what is above it by ${((previous - line.top) / scale).toFixed(0)} px`);
            previous = line.bottom;
          }
          if (lines.length > 0) {
            const white = { top: toSlide(bandBottom), bottom: toSlide(section.getBoundingClientRect().bottom) };
            const group = { top: toSlide(lines[0].top), bottom: toSlide(lines[lines.length - 1].bottom) };
            const height = white.bottom - white.top;
            const off = (white.bottom - group.bottom - (group.top - white.top)) / height;
            if (Math.abs(off) > 0.12)
              titleProblems.push(`lines under the band not centred in the white (${(off * 100).toFixed(0)} % more room below than above)`);
          }
        }
      }
      const labels = window.__iurDeck?.diagramLabels?.() ?? [];
      return {
        outside,
        text: section.innerText,
        diagrams,
        diagramLabels,
        families,
        smallBody,
        compose,
        composeSize,
        bodySizes,
        area,
        content,
        titleLines,
        titleProblems,
        labels,
      };
    },
    slide.id,
    MIN_BODY_PX,
  );
}

/** Elements of the slide with their own text, in document order, from the DevTools DOM tree. */
function textNodesOf(slide: SlideRef): { nodeId: number; tag: string; text: string }[] {
  const find = (node: Protocol.DOM.Node): Protocol.DOM.Node | undefined => {
    const attrs = node.attributes ?? [];
    for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'id' && attrs[i + 1] === slide.id) return node;
    for (const child of node.children ?? []) {
      const hit = find(child);
      if (hit) return hit;
    }
    return undefined;
  };
  const section = find(domTree);
  const out: { nodeId: number; tag: string; text: string }[] = [];
  const walk = (node: Protocol.DOM.Node): void => {
    if (['ASIDE', 'PRE', 'STYLE', 'SCRIPT'].includes(node.nodeName)) return;
    const text = (node.children ?? [])
      .filter((c) => c.nodeType === 3)
      .map((c) => c.nodeValue)
      .join('')
      .trim();
    if (text) out.push({ nodeId: node.nodeId, tag: node.nodeName.toLowerCase(), text: text.slice(0, 30) });
    for (const child of node.children ?? []) if (child.nodeType === 1) walk(child);
  };
  if (section) walk(section);
  return out;
}

/** Fonts Chromium used for the slide's text (CDP CSS.getPlatformFontsForNode), other than the bundled one. */
async function foreignFonts(slide: SlideRef): Promise<string[]> {
  const bad: string[] = [];
  let checked = 0;
  for (const { nodeId, tag, text } of textNodesOf(slide)) {
    if (checked >= FONT_NODES_PER_SLIDE) break;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    if (fonts.length === 0) continue; // not rendered
    checked++;
    for (const f of fonts) {
      if (!FONT_NAME.test(f.familyName) || !f.isCustomFont) {
        bad.push(`<${tag}> "${text}": ${f.familyName} (${f.isCustomFont ? 'web font' : 'system font'}, ${f.glyphCount} glyphs)`);
      }
    }
  }
  if (checked === 0) bad.push('no rendered text found to check');
  return bad;
}

/**
 * Colour-contrast violations (axe-core) on the slide on show and the slide
 * number. axe-core is injected once and run in the page: @axe-core/puppeteer
 * re-injects it (and opens a blank page) on every call, which makes a
 * 50-slide deck several times slower.
 */
async function contrast(slide: SlideRef): Promise<string[]> {
  const violations = await page.evaluate(async (slideId) => {
    const { axe } = window as unknown as { axe: typeof Axe };
    const result = await axe.run(
      { include: [[`#${slideId}`], ['.reveal .slide-number']] },
      { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] },
    );
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`),
    );
  }, slide.id);
  return violations;
}

async function visitDeck(dir: string): Promise<void> {
  reports = [];
  browser = await launchBrowser();
  served = await buildAndServe(dir);
  ({ page } = await openDeck(browser, served.url));
  await page.setViewport({ width: 1280, height: 720 });
  // No slide transitions: each slide is measured as soon as it is shown.
  await page.addStyleTag({ content: '.reveal .slides section, .reveal .fragment { transition: none !important; }' });
  await page.evaluate(AXE_SOURCE);
  cdp = await page.createCDPSession();
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  domTree = (await cdp.send('DOM.getDocument', { depth: -1 })).root;
  for (const slide of await slideRefs()) {
    await show(slide);
    const measured = await measure(slide);
    reports.push({ slide, ...measured, fonts: await foreignFonts(slide), contrast: await contrast(slide) });
  }
  // The same deck in the print view (what export and check lay out): its composition, slide by slide.
  const printView = await browser.newPage();
  await printView.setViewport({ width: 1280, height: 720 });
  await printView.goto(`${served.url}?print-pdf`, { waitUntil: 'load' });
  await waitInPage(printView, 'the print view laid out', () => document.documentElement.dataset.deck !== 'loading', { timeout: 60_000 });
  printComposition = await printView.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('section[data-file]')).map((s) => [
        s.id,
        `${s.dataset.compose}/${s.dataset.composeSize ?? '-'}`,
      ]),
    ),
  );
  await printView.close();
}

async function closeDeck(): Promise<void> {
  await browser?.close();
  await served?.close();
}

/** One line per problem: `file:line (#slide-N): problem`. */
function problems(pick: (r: SlideReport) => string[]): string {
  return reports.flatMap((r) => pick(r).map((p) => `${r.slide.where} (#${r.slide.id}): ${p}`)).join('\n');
}

const CJK = '[\\u4e00-\\u9fff\\u3400-\\u4dbf\\u3000-\\u303f\\uff00-\\uffef]';
const CJK_SPACE = new RegExp(`${CJK}[ \\u00a0]+${CJK}`, 'g');

/**
 * VOID: how much more of the body area is empty below the content than above
 * it, as a share of the area's height (composeRules.ts voidBelow). The body
 * area runs from under the slide title (its box plus its margin) to the top of
 * the footer band; the content is the union of the boxes of the body's
 * top-level elements. A slide whose content sits at the top with the rest
 * empty scores up to 1; a balanced or full slide scores about 0. Slides with
 * a layout of their own (title, divider, outline, centered) and statements
 * are composed by their layout and not measured.
 */
const VOID = MAX_VOID;

describe.each(DECKS)('the look of %s/ in Chromium at 1280×720', (dir) => {
  beforeAll(() => visitDeck(dir), 600_000);
  afterAll(closeDeck);

  it('is ready and visits every slide', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.deck)).toBe('ready');
    expect(reports.length).toBe(served.build.deck.slides.length);
  });

  it('puts no element outside the 1280×720 slide box', () => {
    expect(problems((r) => r.outside)).toBe('');
  });

  it('shows no literal ** in any slide', () => {
    expect(problems((r) => (r.text.includes('**') ? [`"**" in: ${r.text.split('\n').find((l) => l.includes('**'))}`] : []))).toBe('');
  });

  it('has no space between two CJK characters', () => {
    expect(problems((r) => Array.from(r.text.matchAll(CJK_SPACE), (m) => `space in "${m[0]}"`))).toBe('');
  });

  it(`draws every Mermaid diagram as an SVG with labels of at least ${MIN_DIAGRAM_PX} px`, () => {
    const total = reports.reduce((n, r) => n + r.diagrams.length, 0);
    if (dir !== 'slides') expect(total).toBeGreaterThan(0);
    expect(
      problems((r) => [
        ...r.diagrams.flatMap((d, i) => {
          if (!d.svg) return [`diagram ${i + 1} has no <svg>`];
          if (d.text === '') return [`diagram ${i + 1} has no label text`];
          return [];
        }),
        ...r.diagramLabels,
      ]),
    ).toBe('');
  });

  it(`sets headings and body text in ${DECK_FAMILY}`, () => {
    expect(problems((r) => r.families)).toBe('');
  });

  it('renders the text with the bundled font, never a system font', () => {
    expect(problems((r) => r.fonts)).toBe('');
  });

  it(`sets body text at ${MIN_BODY_PX} px or more`, () => {
    expect(problems((r) => r.smallBody)).toBe('');
  });

  it(`sets body text in at most ${MAX_BODY_SIZES} sizes across the deck, all from the scale ${BODY_SCALE.join('/')} px`, () => {
    const sizes = [...new Set(reports.flatMap((r) => r.bodySizes))].sort((a, b) => a - b);
    expect(sizes.length).toBeLessThanOrEqual(MAX_BODY_SIZES);
    expect(sizes.filter((px) => !(BODY_SCALE as readonly number[]).includes(px))).toEqual([]);
  });

  it(`leaves no void under the content (more room below than above beyond ${VOID * 100} % of the body area)`, () => {
    expect(
      problems((r) => {
        if (!r.area || !r.content) return [];
        const v = voidBelow(r.area, r.content);
        return v > VOID
          ? [
              `content at ${r.content.top.toFixed(0)}–${r.content.bottom.toFixed(0)} px in a body area of ${r.area.top.toFixed(0)}–${r.area.bottom.toFixed(0)} px: void ${(v * 100).toFixed(0)} %`,
            ]
          : [];
      }),
    ).toBe('');
  });

  it(`draws the linear and chain-linked models with labels of at least ${LARGE_DIAGRAM_PX} px`, () => {
    const large = reports.filter((r) => LARGE_DIAGRAMS.test(r.text.split('\n')[0] ?? ''));
    if (dir === 'slides') expect(large.length).toBe(2);
    expect(
      problems((r) =>
        large.includes(r) ? r.labels.filter((px) => px < LARGE_DIAGRAM_PX).map((px) => `diagram labels ${px.toFixed(1)} px`) : [],
      ),
    ).toBe('');
  });

  it('composes every slide and marks the decision on its <section>', () => {
    expect(
      problems((r) => (/^(layout|statement|sparse|regular|dense|figure)$/.test(r.compose) ? [] : [`data-compose="${r.compose}"`])),
    ).toBe('');
  });

  it('composes each slide the same on screen and in the print view (PDF, check)', () => {
    expect(Object.keys(printComposition).length).toBe(reports.length);
    expect(
      problems((r) => {
        const screen = `${r.compose}/${r.composeSize || '-'}`;
        return printComposition[r.slide.id] === screen ? [] : [`screen ${screen}, print view ${printComposition[r.slide.id]}`];
      }),
    ).toBe('');
  });

  it('lays out title pages that hold, whatever their number of lines', () => {
    expect(problems((r) => r.titleProblems)).toBe('');
    if (dir === COMPOSE_DIR) {
      const counts = reports.flatMap((r) => (r.titleLines === undefined ? [] : [r.titleLines]));
      expect([...new Set(counts)].sort()).toEqual([1, 2, 3, 4, 5]);
    }
  });

  if (dir === COMPOSE_DIR) {
    it('composes each fixture case as designed', () => {
      const by = (title: string) => reports.find((r) => r.text.split('\n')[0] === title);
      expect(by('一句话')?.compose).toBe('statement');
      expect(by('三条')).toMatchObject({ compose: 'sparse', composeSize: '32' });
      expect(by('十二条')?.compose).toBe('dense');
      expect(by('宽表')?.compose).toMatch(/regular|dense/);
      expect(by('图')?.compose).toBe('figure');
      // The author keeps a short list at the base size with {.dense}.
      expect(by('作者指定：保持紧凑')).toMatchObject({ compose: 'dense', composeSize: '28' });
      // …and a list as a statement with reveal.js's own comment.
      expect(by('作者指定：陈述（reveal.js 的写法）')?.compose).toBe('statement');
    });
  }

  it('passes axe-core colour contrast on every slide', () => {
    expect(problems((r) => r.contrast)).toBe('');
  });
});
