// The deck window and its speaker view draw on the same drawings, as reveal.js's
// notes plugin keeps them on the same slide: with postMessage. The deck is the
// hub and owns the drawings; each preview in the speaker view (a `?receiver`
// iframe inside the notes plugin's popup, whose opener is the deck) says hello,
// gets them all, sends its own ops to the hub, and hears every op the hub
// applies. Messages are plain objects in our namespace, checked on arrival.
import { parseAnnotations, isShapeProblem, parseOp, type PenOp } from '../../shared/annotations.ts';
import { type PenStore } from './penStore.ts';

const NS = 'iur-pen';

type Message = { ns: typeof NS; kind: 'hello' } | { ns: typeof NS; kind: 'all'; data: unknown } | { ns: typeof NS; kind: 'op'; op: PenOp };

function sameOrigin(event: MessageEvent): boolean {
  return event.origin === location.origin || (location.protocol === 'file:' && event.origin === 'null');
}

function ours(event: MessageEvent): Record<string, unknown> | undefined {
  const data: unknown = event.data;
  if (!sameOrigin(event) || typeof data !== 'object' || data === null || (data as { ns?: unknown }).ns !== NS) return undefined;
  return data as Record<string, unknown>;
}

function send(target: Window, message: Message): void {
  try {
    target.postMessage(message, location.protocol === 'file:' ? '*' : location.origin);
  } catch {
    /* the window closed */
  }
}

export interface PenLink {
  /** Tells the other windows about an op this window applied. */
  publish: (op: PenOp) => void;
}

/** The deck: keeps every speaker-view preview that said hello, and sends them each op. */
export function hubLink(store: PenStore): PenLink {
  const receivers = new Set<Window>();
  const broadcast = (message: Message) => {
    for (const r of receivers) {
      if (r.closed) receivers.delete(r);
      else send(r, message);
    }
  };
  window.addEventListener('message', (event) => {
    const message = ours(event);
    const source = event.source as Window | null;
    if (!message || !source) return;
    if (message.kind === 'hello') {
      receivers.add(source);
      send(source, { ns: NS, kind: 'all', data: store.snapshot() });
    } else if (message.kind === 'op') {
      const op = parseOp(message.op);
      if (op && store.apply(op)) broadcast({ ns: NS, kind: 'op', op });
    }
  });
  return { publish: (op) => broadcast({ ns: NS, kind: 'op', op }) };
}

/** The deck window a speaker-view preview belongs to, if any. */
export function hubWindow(): Window | undefined {
  try {
    const opener = window.parent !== window ? (window.parent.opener as Window | null) : null;
    return opener ?? undefined;
  } catch {
    return undefined;
  }
}

/** A speaker-view preview: asks the deck for the drawings, then follows and feeds it. */
export function receiverLink(store: PenStore, hub: Window): PenLink {
  window.addEventListener('message', (event) => {
    const message = ours(event);
    if (!message || event.source !== hub) return;
    if (message.kind === 'all') {
      const data = parseAnnotations(message.data);
      if (!isShapeProblem(data)) store.load(data);
    } else if (message.kind === 'op') {
      const op = parseOp(message.op);
      if (op) store.apply(op);
    }
  });
  send(hub, { ns: NS, kind: 'hello' });
  return { publish: (op) => send(hub, { ns: NS, kind: 'op', op }) };
}
