// The live channel's fan-out: a message is serialised once and the same bytes
// are written to every open socket. What is written to a socket in one turn
// of the event loop (a remote's burst of changes, read in one go) leaves in
// one write to the kernel: the socket is corked at its first write of the
// turn and uncorked once the turn is over, instead of a system call per
// message and socket. The talk's state is "latest wins": a socket that had
// more than LAG_BYTES still waiting when the turn began gets no more states
// queued; the latest one is kept for it alone and sent when its buffer has
// drained (looked at every DRAIN_POLL_MS while any socket is behind: a
// callback on every write would cost each write a fifth more, for the rare
// slow phone), so a slow phone never holds up the others and never replays
// stale slides. Incremental messages (pen strokes, deck-changed) are queued
// in order for every socket: a dropped stroke would be missing from that page
// for good.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { ServerMessage } from '../shared/liveChannel.ts';

/** A socket with more than this waiting to be written is behind: a few hundred states' worth. */
export const LAG_BYTES = 16 * 1024;
/** How often a socket that is behind is looked at, to send it its latest state once it has drained. */
export const DRAIN_POLL_MS = 25;

const OPEN = 1;

/** The bytes of a message, as sent: JSON text, UTF-8. */
export const encode = (message: ServerMessage): Buffer => Buffer.from(JSON.stringify(message));

export class Fanout {
  /** Each open socket, and the raw stream under it (corked for a turn's writes). */
  private readonly sockets = new Map<WebSocket, Duplex>();
  /** A socket that was behind when the state changed: how to make its latest state (fresh `now`) once it drains. */
  private readonly held = new Map<WebSocket, () => ServerMessage>();
  /** Sockets corked this turn, with what they had waiting before it: this turn's own writes are not lag. */
  private readonly corked = new Map<WebSocket, number>();
  private poll: NodeJS.Timeout | undefined;

  constructor(private readonly lagBytes = LAG_BYTES) {}

  /** Sends `first` (the socket's hello) and everything after, until it closes. `stream`: the upgraded connection under `ws`. */
  add(ws: WebSocket, stream: Duplex, first: ServerMessage): void {
    this.sockets.set(ws, stream);
    ws.once('close', () => {
      this.sockets.delete(ws);
      this.held.delete(ws);
    });
    this.write(ws, encode(first));
  }

  get size(): number {
    return this.sockets.size;
  }

  /** Whether a socket is behind (its latest state held back). */
  holds(ws: WebSocket): boolean {
    return this.held.has(ws);
  }

  /**
   * A latest-wins message (the talk's state), made and serialised once for every socket
   * that keeps up; a socket that is behind keeps only `make`, called again when it drains.
   */
  latest(make: () => ServerMessage): void {
    let data: Buffer | undefined;
    for (const ws of this.sockets.keys()) {
      if (ws.readyState !== OPEN) continue;
      if (this.behind(ws)) {
        this.held.set(ws, make);
        this.poll ??= setInterval(() => this.drained(), DRAIN_POLL_MS).unref();
        continue;
      }
      this.held.delete(ws);
      data ??= encode(make());
      this.write(ws, data);
    }
  }

  /** An incremental message: queued for every socket, in order, however far behind. */
  all(message: ServerMessage): void {
    const data = encode(message);
    for (const ws of this.sockets.keys()) if (ws.readyState === OPEN) this.write(ws, data);
  }

  /** A message only for sockets that keep up (the tick): one that is behind has data coming anyway. */
  current(message: ServerMessage): void {
    let data: Buffer | undefined;
    for (const ws of this.sockets.keys()) {
      if (ws.readyState !== OPEN || this.behind(ws)) continue;
      data ??= encode(message);
      this.write(ws, data);
    }
  }

  /** A message for one socket (a refusal). */
  one(ws: WebSocket, message: ServerMessage): void {
    if (ws.readyState === OPEN) this.write(ws, encode(message));
  }

  /** Whether more than LAG_BYTES was still waiting for this socket when this turn began. */
  private behind(ws: WebSocket): boolean {
    return (this.corked.get(ws) ?? ws.bufferedAmount) > this.lagBytes;
  }

  private write(ws: WebSocket, data: Buffer): void {
    const stream = this.sockets.get(ws);
    if (stream && !this.corked.has(ws)) {
      if (this.corked.size === 0) process.nextTick(() => this.uncork());
      this.corked.set(ws, ws.bufferedAmount);
      stream.cork();
    }
    // A Buffer goes out as a binary frame unless told otherwise; the pages parse text.
    ws.send(data, { binary: false });
  }

  /** The turn is over: each corked socket's writes leave together. */
  private uncork(): void {
    for (const ws of this.corked.keys()) this.sockets.get(ws)?.uncork();
    this.corked.clear();
  }

  /** Sends each socket that was behind and has drained its latest state, made now (a fresh `now`). */
  private drained(): void {
    for (const [ws, make] of this.held) {
      if (ws.readyState === OPEN && ws.bufferedAmount > this.lagBytes) continue;
      this.held.delete(ws);
      if (ws.readyState === OPEN) this.write(ws, encode(make()));
    }
    if (this.held.size === 0) this.stop();
  }

  private stop(): void {
    clearInterval(this.poll);
    this.poll = undefined;
  }

  /** Forgets every socket (the channel closes them). */
  close(): void {
    this.stop();
    this.uncork();
    this.held.clear();
    this.sockets.clear();
  }
}
