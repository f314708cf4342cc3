// The live channel's fan-out (src/present/fanout.ts) on real WebSockets over
// loopback: a state is made and serialised once for every socket and arrives
// as text; a client that stops reading has its send buffer filled for real
// (the kernel's buffers too), and then it holds only the latest state while
// the others get every one at once; once it reads again it ends on the latest
// state, stamped when it was sent, and every pen op in order.
import type { AddressInfo, Socket } from 'node:net';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { Fanout, LAG_BYTES } from '../../../src/present/fanout.ts';
import type { ServerMessage, TalkState } from '../../../src/shared/liveChannel.ts';

interface Client {
  ws: WebSocket;
  /** Messages received, parsed, and whether each came as a text frame. */
  got: { message: ServerMessage; text: boolean }[];
}

interface Hub {
  fanout: Fanout;
  /** The server's side of each client, by the name in its URL. */
  server: Map<string, WebSocket>;
  /** The connection under each. */
  streams: Map<string, Socket>;
  connect: (name: string) => Promise<Client>;
  close: () => Promise<void>;
}

const hubs: Hub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});

async function startHub(): Promise<Hub> {
  const fanout = new Fanout();
  const server = new Map<string, WebSocket>();
  const streams = new Map<string, Socket>();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  wss.on('connection', (ws, req) => {
    const name = new URL(req.url ?? '/', 'http://x').searchParams.get('name') ?? '?';
    server.set(name, ws);
    streams.set(name, req.socket);
    fanout.add(ws, req.socket, { type: 'hello', role: 'follow', canControl: false, state: null, now: Date.now() });
  });
  const clients: WebSocket[] = [];
  const hub: Hub = {
    fanout,
    server,
    streams,
    connect: (name) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}/?name=${name}`);
        clients.push(ws);
        const client: Client = { ws, got: [] };
        ws.on('message', (data, binary) =>
          client.got.push({ message: JSON.parse((data as Buffer).toString('utf8')) as ServerMessage, text: !binary }),
        );
        // Open once the hello is in: the server has added it by then.
        ws.once('message', () => resolve(client));
        ws.once('error', reject);
      }),
    close: async () => {
      fanout.close();
      for (const ws of clients) ws.terminate();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
  hubs.push(hub);
  return hub;
}

const at = (h: number): TalkState => ({ h, v: 0, f: null, paused: false, startedAt: null });
const states = (c: Client) => c.got.flatMap(({ message: m }) => (m.type === 'state' ? [m.state.h] : []));
const penIds = (c: Client) => c.got.flatMap(({ message: m }) => (m.type === 'pen' && m.op.kind === 'erase' ? m.op.ids : []));

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Writes to one socket whose client has stopped reading until its send buffer is over the lag mark. */
async function fillUp(hub: Hub, ws: WebSocket): Promise<number> {
  const filler: ServerMessage = { type: 'refused', why: 'x'.repeat(256 * 1024) };
  let written = 0;
  while (ws.bufferedAmount <= LAG_BYTES) {
    if (written > 200 * 1024 * 1024) throw new Error('the send buffer never filled');
    hub.fanout.one(ws, filler);
    written += 256 * 1024;
    await yieldToLoop();
  }
  return written;
}

describe('fan-out', () => {
  it('makes and serialises a state once for every socket; each gets the same text frame', async () => {
    const hub = await startHub();
    const clients = await Promise.all(Array.from({ length: 20 }, (_, i) => hub.connect(`c${i}`)));
    expect(hub.fanout.size).toBe(20);
    let made = 0;
    hub.fanout.latest(() => {
      made++;
      return { type: 'state', state: at(3), now: 42 };
    });
    await until('every state', () => clients.every((c) => c.got.length === 2));
    expect(made).toBe(1);
    for (const c of clients) {
      expect(c.got[1]).toEqual({ message: { type: 'state', state: at(3), now: 42 }, text: true });
      expect(c.got[0].message.type).toBe('hello');
    }
    // A closed socket leaves the fan-out.
    clients[0].ws.close();
    await until('the close', () => hub.fanout.size === 19);
  });

  it("writes a turn's burst in one go: the connection stays corked until the turn is over, and the burst is not lag", async () => {
    const hub = await startHub();
    const client = await hub.connect('c');
    const server = hub.server.get('c');
    if (!server) throw new Error('no server socket');
    const stream = hub.streams.get('c');
    if (!stream) throw new Error('no stream');
    // 300 states, ≈30 kB: more than the lag mark, all written in this one turn.
    for (let h = 1; h <= 300; h++) hub.fanout.latest(() => ({ type: 'state', state: at(h), now: 0 }));
    expect(stream.writableCorked).toBe(1);
    expect(server.bufferedAmount).toBeGreaterThan(LAG_BYTES);
    await yieldToLoop();
    expect(stream.writableCorked).toBe(0);
    await until('the burst', () => states(client).length === 300);
    expect(states(client)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(hub.fanout.holds(server)).toBe(false);
  });

  it('a client that stops reading holds only the latest state, the others get every one at once', async () => {
    const hub = await startHub();
    const fast = await hub.connect('fast');
    const slow = await hub.connect('slow');
    const slowOnServer = hub.server.get('slow');
    if (!slowOnServer) throw new Error('no server socket');

    slow.ws.pause();
    const filled = await fillUp(hub, slowOnServer);
    expect(filled).toBeGreaterThan(LAG_BYTES);
    expect(fast.got).toHaveLength(1);

    let made = 0;
    for (let h = 1; h <= 100; h++) {
      hub.fanout.latest(() => {
        made++;
        return { type: 'state', state: at(h), now: Date.now() };
      });
      if (h % 10 === 0) hub.fanout.all({ type: 'pen', op: { kind: 'erase', slide: 's', ids: [`k${h}`] } });
    }
    await until('the fast client to get all 100', () => states(fast).length === 100);
    expect(states(fast)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(penIds(fast)).toEqual(['k10', 'k20', 'k30', 'k40', 'k50', 'k60', 'k70', 'k80', 'k90', 'k100']);
    // The slow socket queued none of them: 100 made for the fast one, none held ones yet.
    expect(made).toBe(100);
    expect(hub.fanout.holds(slowOnServer)).toBe(true);
    expect(slowOnServer.bufferedAmount).toBeLessThan(filled + 10 * 1024);

    const resumed = Date.now();
    slow.ws.resume();
    await until('the slow client to catch up', () => states(slow).includes(100));
    // Everything written before, then the latest state alone, made afresh when sent.
    expect(states(slow)).toEqual([100]);
    expect(made).toBe(101);
    const last = slow.got.at(-1)?.message;
    expect(last?.type === 'state' && last.now).toBeGreaterThanOrEqual(resumed);
    // Pen ops are incremental: every one, in order, behind a full buffer too.
    expect(penIds(slow)).toEqual(penIds(fast));
    expect(hub.fanout.holds(slowOnServer)).toBe(false);

    // Caught up, it gets each state again as it comes.
    hub.fanout.latest(() => ({ type: 'state', state: at(101), now: Date.now() }));
    await until('state 101 everywhere', () => states(slow).includes(101) && states(fast).includes(101));
  });

  it('ticks skip a socket that is behind; a refusal goes to its one socket', async () => {
    const hub = await startHub();
    const fast = await hub.connect('fast');
    const slow = await hub.connect('slow');
    const slowOnServer = hub.server.get('slow');
    const fastOnServer = hub.server.get('fast');
    if (!slowOnServer || !fastOnServer) throw new Error('no server socket');
    slow.ws.pause();
    await fillUp(hub, slowOnServer);
    const before = slowOnServer.bufferedAmount;
    hub.fanout.current({ type: 'tick', now: 1 });
    hub.fanout.one(fastOnServer, { type: 'refused', why: 'no' });
    await until('the tick and refusal', () => fast.got.length === 3);
    expect(fast.got.map((g) => g.message.type)).toEqual(['hello', 'tick', 'refused']);
    expect(slowOnServer.bufferedAmount).toBe(before);
  });
});
