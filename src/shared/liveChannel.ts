// The messages of the live channel (/__iur/live), shared by the pages (venue
// screen, phone) and the server (src/present/, which checks each one with
// parseClientMessage): plain code that runs on both sides. The server
// holds the one state of the talk; a page that may control sends where it
// went, every page follows what the server sends back. Plain JSON, small;
// a pen stroke (src/client/pen/) is the largest, a few kB.
import { parseOp, type PenOp } from './annotations.ts';

/** Where the talk is: reveal.js indices, the black screen, when the talk started. */
export interface TalkState {
  h: number;
  v: number;
  /** Fragment index (-1: none shown), null for a slide without fragments. */
  f: number | null;
  paused: boolean;
  /** Server time (ms) the talk started: the first slide change or the last timer reset. */
  startedAt: number | null;
}

export type ClientMessage =
  | { type: 'go'; h: number; v: number; f: number | null }
  | { type: 'pause'; paused: boolean }
  | { type: 'reset-timer' }
  /** The venue screen's slides changed under it (dev: a save): the phones reload their pictures. */
  | { type: 'deck-changed' }
  /** A pen stroke added, erased or a slide cleared, on a phone or the venue screen: every page applies it. */
  | { type: 'pen'; op: PenOp };

export type ServerMessage =
  | { type: 'hello'; role: 'remote' | 'follow' | 'venue'; canControl: boolean; state: TalkState | null; now: number }
  | { type: 'state'; state: TalkState; now: number }
  | { type: 'refused'; why: string }
  | { type: 'tick'; now: number }
  | { type: 'deck-changed' }
  | { type: 'pen'; op: PenOp };

export const LIVE_PATH = '/__iur/live';
/**
 * Answers 204 to a page whose session (or loopback) the server takes, 401 to
 * one it refuses: a browser's WebSocket cannot see why an upgrade failed, so
 * a page whose channel would not open asks here once (src/client/remote/link.ts).
 */
export const SESSION_PATH = '/__iur/session';

const index = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 100_000;

/** A client message, checked field by field; undefined for anything else. */
export function parseClientMessage(text: string): ClientMessage | undefined {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof m !== 'object' || m === null) return undefined;
  const o = m as Record<string, unknown>;
  if (
    o.type === 'go' &&
    index(o.h) &&
    index(o.v) &&
    (o.f === null || (typeof o.f === 'number' && Number.isInteger(o.f) && o.f >= -1 && o.f < 1000))
  ) {
    return { type: 'go', h: o.h, v: o.v, f: o.f };
  }
  if (o.type === 'pause' && typeof o.paused === 'boolean') return { type: 'pause', paused: o.paused };
  if (o.type === 'reset-timer') return { type: 'reset-timer' };
  if (o.type === 'deck-changed') return { type: 'deck-changed' };
  if (o.type === 'pen') {
    const op = parseOp(o.op);
    return op ? { type: 'pen', op } : undefined;
  }
  return undefined;
}
