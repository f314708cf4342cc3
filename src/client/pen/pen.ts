// The pen (key P, in the deck and in the speaker view): draws on the current
// slide at its current fragment step; a drawing shows from that step on.
// The deck owns the drawings (penSave.ts keeps them, penLink.ts shares them
// with the speaker view's previews, which draw too; and, through the page
// events below, with the phone remote's live channel). Strokes are data
// (src/shared/annotations.ts), drawn as SVG paths (penRender.ts).
import type { RevealApi } from 'reveal.js';
import './pen.css';
import { type Annotations, type PenOp, parseOp } from '../../shared/annotations.ts';
import { attachInput, type Tool } from './penInput.ts';
import { hubLink, hubWindow, receiverLink, type PenLink } from './penLink.ts';
import { drawStrokes, penLayer } from './penRender.ts';
import { annotationsBlobUrl, drawingSaver, loadDrawings, underDevServer, type SaveState } from './penSave.ts';
import { PenStore } from './penStore.ts';
import { PEN } from '../../shared/pageWords.ts';
import { PEN_LOCAL_OP, PEN_REMOTE_OP } from './penEvents.ts';
import { penToolbar, type ToolbarState } from './penToolbar.ts';

const KEY_CODE = 80; // P

declare global {
  interface Window {
    /** The pen's state, for tests and tools. */
    __iurPen?: { on: () => boolean; toggle: () => void; drawings: () => Annotations; saved?: SaveState; ready: boolean };
  }
}

/** The fragment step shown: 0 before the first fragment, n once n fragments show. */
export function currentStep(deck: RevealApi): number {
  const f = deck.getIndices().f;
  return typeof f === 'number' && f >= 0 ? f + 1 : 0;
}

/** The theme's three pen colours: its accent, its blue, its text colour. */
function themeColors(): string[] {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => {
    const value = style.getPropertyValue(name).trim();
    return /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : fallback;
  };
  return [read('--deck-accent', '#a3302b'), read('--deck-blue', '#1b3d6e'), read('--deck-text', '#1d232b')];
}

function saveText(state: SaveState): string {
  if (state.state === 'failed') return `${PEN.failed}${state.detail}`;
  if (state.where === 'browser') return PEN.savedBrowser;
  return state.state === 'saving' ? PEN.saving : `${PEN.savedFile} ${state.detail}`;
}

export function setUpPen(deck: RevealApi, built: Annotations | undefined): void {
  if (/print-pdf/i.test(location.search)) return;
  const receiver = /receiver/i.test(location.search);
  const store = new PenStore();
  const api = (window.__iurPen = {
    on: () => document.documentElement.classList.contains('iur-pen-on'),
    toggle: () => toggle(),
    drawings: () => store.snapshot(),
    ready: false,
  } as NonNullable<Window['__iurPen']>);
  const layer = penLayer(document, 'iur-pen-layer');
  const colors = themeColors();
  const state: ToolbarState = { tool: 'pen', color: 0 };

  const where = () => {
    const slide = deck.getCurrentSlide() as HTMLElement | undefined;
    const id = slide?.dataset.slideId;
    return id && !deck.isOverview() ? { slide: id, step: currentStep(deck) } : undefined;
  };
  const shown = () => {
    const here = where();
    return here ? store.strokes(here.slide).filter((s) => s.step <= here.step) : [];
  };
  const render = () => {
    const here = where();
    drawStrokes(layer, here ? store.strokes(here.slide) : [], here?.step ?? 0);
  };
  const place = () => {
    const slides = document.querySelector('.reveal .slides');
    if (slides && layer.parentNode !== slides) slides.appendChild(layer);
    render();
  };

  let link: PenLink | undefined;
  const commit = (op: PenOp) => {
    if (store.apply(op)) link?.publish(op);
  };
  const toolbar = penToolbar(document, colors, state, {
    clear: () => {
      const here = where();
      if (here) commit({ kind: 'clear', slide: here.slide });
    },
    close: () => toggle(),
  });
  document.body.appendChild(toolbar.element);
  const toggle = () => {
    document.documentElement.classList.toggle('iur-pen-on');
    toolbar.refresh();
  };
  const setTool = () => (document.documentElement.dataset.penTool = state.tool);
  toolbar.element.addEventListener('click', setTool);
  setTool();
  attachInput(layer, { tool: (): Tool => state.tool, color: () => colors[state.color], where, shown, commit });

  store.onChange(render);
  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'overviewshown', 'overviewhidden', 'ready'])
    deck.on(event, render);
  document.addEventListener('iur:deck-updated', place);
  deck.addKeyBinding({ keyCode: KEY_CODE, key: PEN.key, description: PEN.help }, toggle);
  place();

  if (receiver) {
    const hub = hubWindow();
    if (hub) {
      link = receiverLink(store, hub);
      api.ready = true;
    } else if (window.parent !== window) {
      // A deck in a frame of another page (the phone remote): the drawings as the deck has them, then the page's ops.
      void loadDrawings(built).then((data) => {
        store.load(data);
        link = receiverLink(store, window.parent);
        api.ready = true;
      });
    } else api.ready = true;
    return;
  }
  const save = drawingSaver((saved) => {
    api.saved = saved;
    toolbar.status(saveText(saved), saved.where === 'browser' ? () => annotationsBlobUrl(store.snapshot()) : undefined);
  });
  if (!underDevServer()) toolbar.status(PEN.savedBrowser, () => annotationsBlobUrl(store.snapshot()));
  // Ops from the phone remote (venue.ts) are applied, kept and shown in the speaker view; every other op goes out to it.
  const fromRemote = new WeakSet<PenOp>();
  document.addEventListener(PEN_REMOTE_OP, (event) => {
    const op = parseOp((event as CustomEvent<unknown>).detail);
    if (!op) return;
    fromRemote.add(op);
    commit(op);
  });
  void loadDrawings(built).then((data) => {
    store.load(data);
    // Changes from here on are kept (a load itself is not a change).
    store.onChange((op) => {
      if (!op) return;
      save(store.snapshot());
      if (!fromRemote.has(op)) document.dispatchEvent(new CustomEvent(PEN_LOCAL_OP, { detail: op }));
    });
    link = hubLink(store);
    api.ready = true;
  });
}
