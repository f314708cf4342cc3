// @vitest-environment happy-dom
// Unit tests of the print view's page-side code (src/client/print/), in a DOM
// shaped like reveal.js's print view: the status the exporter polls, the
// print plan (--range, notes pages, internal links) and the PNG placer.
import { beforeEach, describe, expect, it } from 'vitest';
import { pageStatus } from '../../../../src/client/print/pageStatus.ts';
import { preparePrint } from '../../../../src/client/print/printPlan.ts';
import type { PrintPlan } from '../../../../src/shared/printView.ts';
import { slidePlaces } from '../../../../src/client/print/slidePlaces.ts';

/** Three slides; the second has two fragment steps (two pages) and an undrawn diagram. */
const PRINT_VIEW = `
<div class="reveal"><div class="slides">
  <div class="pdf-page" style="height: 720px"><section data-file="a.md" data-line="1"><h2>One</h2><aside class="notes"><p>Say one.</p></aside></section></div>
  <div class="pdf-page" style="height: 720px"><section data-file="a.md" data-line="5"><a href="#/0">back to one</a><figure class="mermaid-diagram" data-line="7"></figure></section></div>
  <div class="pdf-page" style="height: 720px"><section data-file="a.md" data-line="5"><a href="#/0">back to one</a><figure class="mermaid-diagram" data-line="7"></figure><aside class="notes"><p>Say two.</p></aside></section></div>
  <div class="pdf-page" style="height: 720px"><section data-file="b.md" data-line="1"><a href="#/1">to two</a> <a href="#/9">nowhere</a><figure class="mermaid-diagram" data-rendered data-line="3"></figure><aside class="notes"> </aside></section></div>
</div></div>`;

const plan = (over: Partial<PrintPlan> = {}): PrintPlan => ({
  keep: null,
  notes: false,
  labels: { 'a.md:1': '1 · One · Notes', 'a.md:5': '2 · Two · Notes', 'b.md:1': '3 · Three · Notes' },
  links: { '#/0': 'a.md:1', '#/1': 'a.md:5', '#/2': 'b.md:1' },
  ...over,
});

const pages = () => Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'));

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = PRINT_VIEW;
  document.documentElement.dataset.deck = 'loading';
  // happy-dom has no FontFaceSet: the status reports what the browser's says.
  Object.defineProperty(document, 'fonts', { value: { status: 'loading' }, configurable: true });
});

describe('pageStatus (what the exporter polls while it waits)', () => {
  it('counts each slide once, fragment steps included, and names the diagrams not drawn', () => {
    const status = pageStatus();
    expect(status.state).toBe('loading');
    expect(status.fonts).toBe('loading');
    expect(status.slides).toBe(3);
    expect(status.drawn).toBe(2);
    expect(status.printLayout).toBe(true);
    expect(status.undrawn).toEqual([
      { file: 'a.md', line: 5, figureLine: 7 },
      { file: 'a.md', line: 5, figureLine: 7 },
    ]);
  });

  it('says when reveal.js has not laid out its print pages yet', () => {
    document.body.innerHTML = '<div class="reveal"><div class="slides"><section data-file="a.md" data-line="1"></section></div></div>';
    delete document.documentElement.dataset.deck;
    const status = pageStatus();
    expect(status).toMatchObject({ state: 'no script', slides: 1, drawn: 1, printLayout: false, undrawn: [] });
  });
});

describe('preparePrint (the print plan, applied in the page)', () => {
  it('keeps every page, one break after each but the last, and says what each shows', () => {
    expect(preparePrint(plan())).toEqual([
      { key: 'a.md:1', kind: 'slide' },
      { key: 'a.md:5', kind: 'slide' },
      { key: 'a.md:5', kind: 'step' },
      { key: 'b.md:1', kind: 'slide' },
    ]);
    expect(pages().map((p) => p.style.breakAfter)).toEqual(['page', 'page', 'page', 'avoid']);
  });

  it('--range: removes the pages of the slides left out', () => {
    expect(preparePrint(plan({ keep: ['a.md:5'] }))).toEqual([
      { key: 'a.md:5', kind: 'slide' },
      { key: 'a.md:5', kind: 'step' },
    ]);
    expect(pages()).toHaveLength(2);
    expect(document.querySelector('section[data-file="b.md"]')).toBeNull();
  });

  it('--notes: a notes page after the last step of each slide with notes, headed by its label', () => {
    const printed = preparePrint(plan({ notes: true }));
    expect(printed.map((p) => `${p.key} ${p.kind}`)).toEqual([
      'a.md:1 slide',
      'a.md:1 notes',
      'a.md:5 slide',
      'a.md:5 step',
      'a.md:5 notes',
      'b.md:1 slide',
    ]);
    const notesPages = pages().filter((p) => p.classList.contains('iur-notes-page'));
    expect(notesPages.map((p) => p.querySelector('.iur-notes-heading')?.textContent)).toEqual(['1 · One · Notes', '2 · Two · Notes']);
    expect(notesPages[1].querySelector('.iur-notes-body')?.textContent).toBe('Say two.');
    expect(notesPages[0].style.height).toBe('720px');
    // The notes pages are styled by a style element of their own.
    expect(document.head.querySelector('style')?.textContent).toContain('.iur-notes-page');
  });

  it('points internal links at the first printed page of their slide; a link out of the range becomes text', () => {
    preparePrint(plan());
    const links = Array.from(document.querySelectorAll('a'));
    const one = document.querySelector('section[data-file="a.md"][data-line="1"]');
    const two = document.querySelector('section[data-file="a.md"][data-line="5"]');
    expect(one?.id).toMatch(/^iur-slide-\d+$/);
    expect(two?.id).toMatch(/^iur-slide-\d+$/);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([`#${one?.id}`, `#${one?.id}`, `#${two?.id}`, null]);

    document.body.innerHTML = PRINT_VIEW;
    preparePrint(plan({ keep: ['b.md:1'] }));
    expect(Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([null, null]);
  });

  it('fails clearly without reveal.js print view', () => {
    document.body.innerHTML = '';
    expect(() => preparePrint(plan())).toThrow('no .reveal .slides element');
  });
});

describe('slidePlaces (where the PNG export takes each picture)', () => {
  it('gives the first page of each slide asked for, in page order, once', () => {
    const places = slidePlaces(['b.md:1', 'a.md:5']);
    expect(places.map((p) => p.key)).toEqual(['a.md:5', 'b.md:1']);
    for (const p of places) {
      expect(Number.isFinite(p.x)).toBe(true);
      expect(Number.isFinite(p.y)).toBe(true);
    }
    expect(slidePlaces([])).toEqual([]);
  });
});
