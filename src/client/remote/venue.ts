// Added by the present server to the deck page: the screen follows the talk's
// one state on the server (a reloaded venue screen comes back on the current
// slide), and, where it may control (the venue laptop, a remote), tells the
// server where its own keys took it. Not in the deck's previews (?receiver)
// nor in its print view.
import type { RevealApi } from 'reveal.js';
import type { TalkState } from '../../present/protocol.ts';
import { Link } from './link.ts';

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
    },
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
  deck.on('paused', () => paused(true));
  deck.on('resumed', () => paused(false));
}

if (!/receiver|print-pdf/i.test(location.search)) void whenReady().then(follow);
