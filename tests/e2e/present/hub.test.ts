// The live hub under a crowd, on the real `present --remote`: 300 followers
// connect with the follow link's session cookie, the remote sends 50 slide
// changes back to back, and every follower gets every change, in order. A
// follower that stops reading does not hold up the others; its send buffer is
// filled for real (pen strokes, until the kernel's buffers of its connection,
// read from /proc/net/tcp, stop growing), and once it reads again it ends on
// the latest state, the stale ones dropped for it alone. How fast is the
// benchmark's business (src/bench/hubBench.ts); here only what arrives.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAN, sessionCookie, startPresent, type PresentRun } from '../../helpers/presentRun.ts';

const PORT = 5791;
const ORIGIN = `http://${LAN}:${PORT}`;
const URL_ = `ws://${LAN}:${PORT}/__iur/live`;

let run: PresentRun | undefined;
let remoteCookie: string;
let followCookie: string;

interface Peer {
  ws: WebSocket;
  /** The `h` of every state received, in order. */
  states: number[];
  /** Pen ops received. */
  pens: number;
  /** This end's port, to find the connection in /proc/net/tcp. */
  localPort: number;
}

/** Opens the live channel with a cookie; resolves once the hello is in. Pen ops are counted, not parsed. */
function connect(cookie: string): Promise<Peer> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(URL_, { headers: { Origin: ORIGIN, Cookie: cookie } });
    const peer: Peer = { ws, states: [], pens: 0, localPort: 0 };
    ws.once('upgrade', (res) => (peer.localPort = res.socket.localPort ?? 0));
    ws.on('message', (data: Buffer) => {
      if (data.subarray(0, 14).toString() === '{"type":"pen",') {
        peer.pens++;
        return;
      }
      const m = JSON.parse(data.toString('utf8')) as { type: string; state?: { h: number } };
      if (m.type === 'hello') resolve(peer);
      if (m.type === 'state' && m.state) peer.states.push(m.state.h);
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

async function connectMany(n: number, cookie: string): Promise<Peer[]> {
  const peers: Peer[] = [];
  for (let i = 0; i < n; i += 50) peers.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => connect(cookie)))));
  return peers;
}

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** Bytes waiting in the kernel on both ends of the connection whose client end has this port (send and receive queues). */
function kernelQueued(clientPort: number): number {
  let total = 0;
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const local = parseInt(f[1].split(':')[1], 16);
    const remote = parseInt(f[2].split(':')[1], 16);
    const [tx, rx] = f[4].split(':').map((x) => parseInt(x, 16));
    if (local === clientPort || remote === clientPort) total += tx + rx;
  }
  return total;
}

/** A long pen stroke (5,000 points, ≈100 kB), as a phone sends it. */
function stroke(id: string): string {
  const points = Array.from({ length: 5000 }, (_, i) => [(i % 1900) + 0.5, ((i * 7) % 1000) + 0.5, 0.5]);
  return JSON.stringify({
    type: 'pen',
    op: { kind: 'add', slide: 's1', stroke: { id, tool: 'pen', color: '#cc0000', size: 4, step: 0, points } },
  });
}

const sends = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

beforeAll(async () => {
  run = await startPresent(['--slides', 'tests/fixtures/remote', '--remote', '--host', LAN, '--port', String(PORT)]);
  [remoteCookie, followCookie] = await Promise.all([sessionCookie(run.qrUrls[0]), sessionCookie(run.qrUrls[1])]);
});

afterAll(async () => {
  await run?.stop();
});

describe('the live hub', () => {
  it('300 followers each get all 50 changes the remote sends back to back, in order', async () => {
    const followers = await connectMany(300, followCookie);
    const remote = await connect(remoteCookie);
    try {
      for (const h of sends(1, 50)) remote.ws.send(JSON.stringify({ type: 'go', h, v: 0, f: null }));
      await until('every follower to reach slide 50', () => followers.every((p) => p.states.at(-1) === 50), 20_000);
      for (const [i, p] of followers.entries()) expect(p.states, `follower ${i}`).toEqual(sends(1, 50));
      expect(remote.states).toEqual(sends(1, 50));
    } finally {
      for (const p of [...followers, remote]) p.ws.terminate();
    }
  });

  it('a follower that stops reading holds up no one, and reads on to the latest state', async () => {
    const others = await connectMany(5, followCookie);
    const slow = await connect(followCookie);
    const remote = await connect(remoteCookie);
    try {
      const paused = performance.now();
      slow.ws.pause();
      // Strokes until the slow connection's kernel buffers stop growing: what follows waits in the server.
      // Quickly: a follower that reads nothing for two ticks (8 s) is cut off by the ping.
      let strokes = 0;
      let queued = -1;
      for (let round = 0; ; round++) {
        if (round > 40) throw new Error(`the slow follower's buffers never filled (${queued} bytes in the kernel)`);
        const n = round === 0 ? 24 : 8;
        for (let i = 0; i < n; i++) remote.ws.send(stroke(`r${round}-${i}`));
        strokes += n;
        // The remote gets each stroke back in the same pass as every follower's socket is written.
        await until('the strokes to come back', () => remote.pens === strokes, 10_000);
        const now = kernelQueued(slow.localPort);
        if (now <= queued) break;
        queued = now;
      }
      // One more round, surely past the lag mark, then the changes.
      for (let i = 0; i < 8; i++) remote.ws.send(stroke(`last-${i}`));
      strokes += 8;
      for (const h of sends(51, 100)) remote.ws.send(JSON.stringify({ type: 'go', h, v: 0, f: null }));
      await until('the others to reach slide 100', () => others.every((p) => p.states.at(-1) === 100), 10_000);
      expect(others.every((p) => p.pens === strokes)).toBe(true);
      for (const p of others) expect(p.states).toEqual(sends(51, 100));
      expect(slow.states).toEqual([]);

      expect(slow.ws.readyState, `still open after ${Math.round(performance.now() - paused)} ms unread`).toBe(WebSocket.OPEN);
      slow.ws.resume();
      await until('the slow follower to reach slide 100', () => slow.states.at(-1) === 100, 10_000);
      // Every stroke, in order of arrival; of the states only the latest (those queued before it fell behind, if any, came first).
      expect(slow.pens).toBe(strokes);
      expect(slow.states.length).toBeLessThan(50);
      expect(slow.states).toEqual([...slow.states].sort((a, b) => a - b));
      await sleep(200);
      expect(slow.states.at(-1)).toBe(100);
    } finally {
      for (const p of [...others, slow, remote]) p.ws.terminate();
    }
  });
});
