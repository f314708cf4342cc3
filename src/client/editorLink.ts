// Dev only (loaded when Vite's HMR is there, so a built deck has none of it):
// the page's end of the link to the author's editor (src/shared/editorLink.ts).
// The dev server says where the editor's cursor is; the page shows that slide,
// and on it the fragments up to that line. And back: the key help (`?`)
// gets a button "在编辑器中打开" that asks the dev server to open the slide's
// line — or the current fragment's — in the editor.
import type { RevealApi } from 'reveal.js';
import { EDITOR_EVENT, type PagePlace, type RevealAnswer } from '../shared/editorLink.ts';

const OPEN_IN_EDITOR = '在编辑器中打开';
const SENT = '已发给编辑器';
const NO_EDITOR = '没有连接编辑器：在编辑器里启动 iur-deck 语言服务器（见 README「In your editor」）';

const lineOf = (el: Element | null | undefined): number => Number((el?.closest('[data-line]') as HTMLElement | null)?.dataset.line ?? 0);

/** The slide that holds a line of a file: the last one of that file starting at or before it. */
function sectionAt(place: PagePlace): HTMLElement | undefined {
  const sections = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section[data-file]')).filter(
    (s) => s.dataset.file === place.file && Number(s.dataset.line) <= place.line,
  );
  return sections.sort((a, b) => Number(a.dataset.line) - Number(b.dataset.line)).pop();
}

/** The fragment step showing everything up to `line` (-1: none yet), or undefined for a slide without fragments. */
function fragmentAt(section: HTMLElement, line: number): number | undefined {
  const fragments = Array.from(section.querySelectorAll<HTMLElement>('.fragment')).filter((f) => f.closest('section') === section);
  if (fragments.length === 0) return undefined;
  const shown = fragments.filter((f) => lineOf(f) <= line).map((f) => Number(f.dataset.fragmentIndex ?? -1));
  return shown.length ? Math.max(...shown) : -1;
}

function show(deck: RevealApi, place: PagePlace): void {
  const section = sectionAt(place);
  if (!section) return;
  const h = Number(section.dataset.h ?? 0);
  const v = Number(section.dataset.v ?? 0);
  const f = fragmentAt(section, place.line);
  const now = deck.getIndices();
  if (now.h === h && (now.v ?? 0) === v && (f === undefined || now.f === f)) return;
  deck.slide(h, v, f);
}

/** Where the slide on screen comes from: its current fragment's line, else the slide's. */
function placeOnScreen(deck: RevealApi): PagePlace | undefined {
  const section = deck.getCurrentSlide() as HTMLElement | undefined;
  if (!section?.dataset.file) return undefined;
  const f = deck.getIndices().f;
  const fragment = f !== undefined && f >= 0 ? section.querySelector(`.fragment[data-fragment-index="${f}"]`) : null;
  return { file: section.dataset.file, line: lineOf(fragment) || Number(section.dataset.line ?? 1) };
}

/** The button in the key help, and the line that says how it went. */
function addRevealButton(deck: RevealApi, send: (place: PagePlace) => void): void {
  const content = deck.getRevealElement()?.querySelector('.r-overlay-help-content');
  if (!content || content.querySelector('.iur-reveal-source')) return;
  const place = placeOnScreen(deck);
  const row = document.createElement('p');
  row.className = 'iur-reveal-source';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = OPEN_IN_EDITOR;
  const where = document.createElement('span');
  where.textContent = place ? ` ${place.file}:${place.line}` : '';
  button.addEventListener('click', () => {
    if (place) send(place);
  });
  row.append(button, where);
  content.append(row);
}

export function linkEditor(deck: RevealApi): void {
  const hot = import.meta.hot;
  if (!hot) return;
  hot.on(EDITOR_EVENT.show, (place: PagePlace) => show(deck, place));
  hot.on(EDITOR_EVENT.revealed, (answer: RevealAnswer) => {
    const status = document.querySelector<HTMLElement>('.iur-reveal-source span');
    if (status) status.textContent = answer.editors > 0 ? ` ${SENT}` : ` ${NO_EDITOR}`;
  });
  deck.on('showhelp', () => addRevealButton(deck, (place) => hot.send(EDITOR_EVENT.reveal, place)));
}
