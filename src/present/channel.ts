// The live channel: a WebSocket at /__iur/live on the same listeners. The
// upgrade is checked like any request (Host, then session cookie on the LAN)
// and its Origin must be this very server, so a page of another site cannot
// open it from a browser that holds the cookie. Each connection gets the
// talk's state at once and every change after, through the fan-out
// (fanout.ts: serialised once for all, a slow phone gets only the latest); a
// remote or the venue screen may change it, a follower may not. A tick every
// few seconds lets a page notice a dead link (a phone that lost Wi-Fi) and
// reconnect.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { Fanout } from './fanout.ts';
import { checkRequest, hostAllowed, type GateOptions, type Who } from './gate.ts';
import { hostnameOf } from './hosts.ts';
import { LIVE_PATH, parseClientMessage } from '../shared/liveChannel.ts';
import type { Talk } from './talkState.ts';

export const TICK_MS = 4000;
/** The largest message taken: a long pen stroke (up to 5,000 points) is about 100 kB; anything else is tiny. */
export const MAX_MESSAGE_BYTES = 160 * 1024;

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The Origin of a browser's upgrade must name this server: same host and port as the Host header. */
export function originAllowed(req: IncomingMessage, allowedHosts: Set<string>): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const host = (req.headers.host ?? '').toLowerCase();
  const name = hostnameOf(url.host);
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? url.host.toLowerCase() === host && name !== undefined && allowedHosts.has(name)
    : false;
}

export class LiveChannel {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly timer: NodeJS.Timeout;
  private readonly fanout = new Fanout();
  private readonly stopListening: () => void;
  /** Whether each socket answered the last ping. */
  private readonly answered = new WeakMap<WebSocket, boolean>();

  constructor(
    private readonly talk: Talk,
    private readonly gate: GateOptions,
  ) {
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    // One listener for every socket: each change is made into a message and serialised once.
    this.stopListening = talk.onChange((state) => this.fanout.latest(() => ({ type: 'state', state, now: Date.now() })));
  }

  /** Handles an upgrade if it is ours (true); leaves others (Vite's HMR) alone. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, lan: boolean): boolean {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== LIVE_PATH) {
      if (lan) refuse(socket, 404, 'Not Found');
      return lan;
    }
    if (!hostAllowed(req, this.gate.allowedHosts) || !originAllowed(req, this.gate.allowedHosts)) {
      refuse(socket, 403, 'Forbidden');
      return true;
    }
    const verdict = checkRequest(req, lan, this.gate);
    // A token in the channel's URL is not accepted: only the session cookie.
    if (!('who' in verdict) || new URL(req.url ?? '/', 'http://x').searchParams.has('token')) {
      refuse(socket, 'status' in verdict && verdict.status === 429 ? 429 : 401, 'Unauthorized');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws, socket, verdict.who));
    return true;
  }

  private connected(ws: WebSocket, socket: Duplex, who: Who): void {
    const canControl = who !== 'follow';
    this.fanout.add(ws, socket, { type: 'hello', role: who, canControl, state: this.talk.state, now: Date.now() });
    this.answered.set(ws, true);
    ws.on('pong', () => this.answered.set(ws, true));
    ws.on('message', (data) => {
      const message = parseClientMessage(
        Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'),
      );
      if (!message) return this.fanout.one(ws, { type: 'refused', why: 'bad message' });
      if (!canControl) return this.fanout.one(ws, { type: 'refused', why: '只读：跟随链接不能翻页' });
      if (message.type === 'deck-changed') this.fanout.all({ type: 'deck-changed' });
      else if (message.type === 'pen') this.fanout.all({ type: 'pen', op: message.op });
      else this.talk.apply(message);
    });
    ws.on('error', () => ws.terminate());
  }

  private tick(): void {
    for (const ws of this.wss.clients) {
      // An unanswered ping: a phone gone from the network; its socket is dropped.
      if (this.answered.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.answered.set(ws, false);
      ws.ping();
    }
    this.fanout.current({ type: 'tick', now: Date.now() });
  }

  close(): void {
    clearInterval(this.timer);
    this.stopListening();
    this.fanout.close();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
