// Added by the present server to the deck page: the screen follows the talk's
// one state on the server (a reloaded venue screen comes back on the current
// slide), and, where it may control (the venue laptop, a remote), tells the
// server where its own keys took it. Not in the deck's previews (?receiver)
// nor in its print view.
import type { RevealApi } from 'reveal.js';
import type { TalkState } from '../../shared/liveChannel.ts';
import type { PenOp } from '../../shared/annotations.ts';
import { Link } from './link.ts';
import { PEN_LOCAL_OP, PEN_REMOTE_OP } from '../pen/penEvents.ts';

declare global {
  interface Window {
    /** The venue's link, for tests: whether it is connected to the server. */
    __iurVenue?: { connected: boolean; applied: number };
  }
}

function whenReady(): Promise<RevealApi> {
  return new Promise((resolve) => {
    const look = () => {
      const deck = window.Reveal;
      if (deck?.isReady()) resolve(deck);
      else setTimeout(look, 100);
    };
    look();
  });
}

/** A slide's words and, for each diagram, where its source is (a diagram's drawing changes as it is drawn, not as the deck is edited). */
function words(section: Element): string {
  return Array.from(section.querySelectorAll('h1, h2, h3, p, li, td, aside.notes, .mermaid-diagram'))
    .filter((e) => !e.parentElement?.closest('.mermaid-diagram, svg'))
    .map((e) => (e.matches('.mermaid-diagram') ? `diagram@${e.getAttribute('data-line') ?? ''}` : (e.textContent ?? '')))
    .join('|');
}

/** What the phones show of the slides: ids, headings, text and notes (not the diagrams drawn into them). */
function slidesSignature(): string {
  return Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section'))
    .map((s) => `${s.dataset.slideId ?? ''}|${s.dataset.timing ?? ''}|${words(s)}`)
    .join('\n');
}

/** Calls `changed` when the slides' words change under the page (the dev server's live update). */
function watchSlides(changed: () => void): void {
  const slides = document.querySelector('.reveal .slides');
  if (!slides) return;
  let signature = slidesSignature();
  let timer: ReturnType<typeof setTimeout> | undefined;
  new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = slidesSignature();
      if (now !== signature) changed();
      signature = now;
    }, 300);
  }).observe(slides, { childList: true, subtree: true, characterData: true });
}

function follow(deck: RevealApi): void {
  const status = { connected: false, applied: 0 };
  window.__iurVenue = status;
  let canControl = false;
  let synced = false;
  let last: TalkState | null = null;
  let applying = false;

  const here = () => {
    const i = deck.getIndices();
    return { h: i.h, v: i.v ?? 0, f: typeof i.f === 'number' ? i.f : null };
  };
  const apply = (state: TalkState) => {
    last = state;
    applying = true;
    try {
      const now = here();
      if (now.h !== state.h || now.v !== state.v || now.f !== state.f) deck.slide(state.h, state.v, state.f ?? undefined);
      if (deck.isPaused() !== state.paused) deck.togglePause(state.paused);
    } finally {
      applying = false;
    }
    status.applied++;
  };
  const link = new Link({
    status: (connected) => {
      status.connected = connected;
      if (!connected) synced = false;
    },
    message: (m) => {
      if (m.type === 'hello') {
        canControl = m.canControl;
        synced = true;
        if (m.state) apply(m.state);
        else if (canControl) link.send({ type: 'go', ...here() });
      } else if (m.type === 'state') apply(m.state);
      // A phone drew: the deck's pen applies, keeps and shows it (src/client/pen/pen.ts).
      else if (m.type === 'pen') document.dispatchEvent(new CustomEvent(PEN_REMOTE_OP, { detail: m.op }));
    },
  });
  document.addEventListener(PEN_LOCAL_OP, (event) => {
    if (synced && canControl) link.send({ type: 'pen', op: (event as CustomEvent<PenOp>).detail });
  });
  const moved = () => {
    if (!synced || applying || !canControl) return;
    const now = here();
    if (last && last.h === now.h && last.v === now.v && last.f === now.f) return;
    link.send({ type: 'go', ...now });
  };
  const paused = (value: boolean) => {
    if (!synced || applying || !canControl || last?.paused === value) return;
    link.send({ type: 'pause', paused: value });
  };
  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(event, moved);
  watchSlides(() => {
    if (synced && canControl) link.send({ type: 'deck-changed' });
  });
  deck.on('paused', () => paused(true));
  deck.on('resumed', () => paused(false));
}

if (!/receiver|print-pdf/i.test(location.search)) void whenReady().then(follow);
