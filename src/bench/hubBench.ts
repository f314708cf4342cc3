// The live hub's figures: `present --remote` started as the speaker does (on
// a copy of the deck, so the talk's own saved position is never touched),
// listening on a second loopback address as its "LAN"; 100, then 300
// followers join with the follow link's session cookie, as phones do, and the
// remote sends 50 slide changes back to back. The latency of a change is the
// time from the remote's send to a follower's receipt of it (both on this
// process's clock, the message parsed as the page does); the figure is the
// 95th percentile over all followers × changes × runs. The followers live in
// this one process, so its own reading of 5,000–15,000 messages per round is
// part of the figure, as the server's is.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { talkFile } from '../present/talkStore.ts';
import { LIVE_PATH, type ServerMessage } from '../shared/liveChannel.ts';
import type { FigureOptions } from './args.ts';
import { freePort } from './devSession.ts';
import { startTree, waitForOutput, type Started } from './spawnTree.ts';
import { percentile } from './stats.ts';

/** The "LAN" the bench listens on: a loopback address other than the venue screen's, so nothing leaves this machine. */
export const HUB_HOST = '127.0.0.2';
export const HUB_CHANGES = 50;
export const HUB_FOLLOWERS = [100, 300] as const;

export interface HubRound {
  followers: number;
  changes: number;
  /** 95th percentile, median and largest latency over every follower × change × measured run, ms. */
  p95Ms: number;
  medianMs: number;
  maxMs: number;
  /** Changes received by followers, and expected (followers × changes × runs): a shortfall is a change dropped for a client that fell behind. */
  received: number;
  expected: number;
}

export interface HubFigures {
  command: string;
  rounds: HubRound[];
  failures: string[];
}

const why = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

interface Peer {
  ws: WebSocket;
  /** Called with each state received, at its receipt. */
  onState?: (h: number, at: number) => void;
}

function connect(url: string, origin: string, cookie: string): Promise<Peer> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Origin: origin, Cookie: cookie } });
    const peer: Peer = { ws };
    ws.on('message', (data: Buffer) => {
      const at = performance.now();
      const m = JSON.parse(data.toString('utf8')) as ServerMessage;
      if (m.type === 'hello') resolve(peer);
      else if (m.type === 'state') peer.onState?.(m.state.h, at);
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the live channel refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

async function connectMany(n: number, url: string, origin: string, cookie: string): Promise<Peer[]> {
  const peers: Peer[] = [];
  for (let i = 0; i < n; i += 50)
    peers.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => connect(url, origin, cookie)))));
  return peers;
}

/** The session cookie a token link opens (its 303's Set-Cookie), as a phone's first load gets it. */
async function sessionCookie(link: string): Promise<string> {
  const res = await fetch(link, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (res.status !== 303 || !cookie)
    throw new Error(`${link.replace(/token=.*/, 'token=…')}: expected 303 with a cookie, got ${res.status}`);
  return cookie;
}

/** The remote's and the follow link, once present has printed them and serves. */
function waitForLinks(started: Started, timeoutMs: number): Promise<{ remote: string; follow: string }> {
  return waitForOutput(
    started,
    (stdout) => {
      const links = [...stdout.matchAll(/^ {2}(http:\/\/\S+\?token=\S+)$/gm)].map((m) => m[1]);
      return stdout.includes('Ctrl+C ends it.') && links.length >= 2 ? { remote: links[0], follow: links[1] } : undefined;
    },
    timeoutMs,
  );
}

/** One round: the remote sends `changes` slide changes from slide `from` on; every follower's latency for each, ms. */
async function round(
  remote: Peer,
  followers: Peer[],
  from: number,
  changes: number,
  timeoutMs: number,
): Promise<{ latencies: number[]; received: number }> {
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const last = from + changes - 1;
  let done = 0;
  let received = 0;
  const finished = new Promise<void>((resolve) => {
    for (const f of followers)
      f.onState = (h, at) => {
        const sent = sentAt.get(h);
        if (sent === undefined) return;
        latencies.push(at - sent);
        received++;
        if (h === last && ++done === followers.length) resolve();
      };
  });
  for (let h = from; h <= last; h++) {
    sentAt.set(h, performance.now());
    remote.ws.send(JSON.stringify({ type: 'go', h, v: 0, f: null }));
  }
  const timedOut = await Promise.race([finished.then(() => false), sleep(timeoutMs).then(() => true)]);
  for (const f of followers) f.onState = undefined;
  if (timedOut)
    throw new Error(`${followers.length - done} of ${followers.length} followers had not reached the last change after ${timeoutMs} ms`);
  return { latencies, received };
}

export async function benchHub(o: FigureOptions): Promise<HubFigures> {
  const port = await freePort();
  const args = ['src/cli/bin.mjs', 'present', '--slides', o.slidesDir, '--remote', '--host', HUB_HOST, '--port', String(port), '--fresh'];
  const figures: HubFigures = {
    command: `present --remote --host ${HUB_HOST} --fresh (followers and remote in the bench's process)`,
    rounds: [],
    failures: [],
  };
  const started = startTree(process.execPath, args, { cwd: o.projectRoot });
  const peers: Peer[] = [];
  try {
    const links = await waitForLinks(started, o.timeoutMs);
    const origin = `http://${HUB_HOST}:${port}`;
    const url = `ws://${HUB_HOST}:${port}${LIVE_PATH}`;
    const [remoteCookie, followCookie] = [await sessionCookie(links.remote), await sessionCookie(links.follow)];
    const remote = await connect(url, origin, remoteCookie);
    peers.push(remote);
    let from = 1;
    for (const n of HUB_FOLLOWERS) {
      try {
        const followers = await connectMany(n - (peers.length - 1), url, origin, followCookie);
        peers.push(...followers);
        const all = peers.slice(1);
        const latencies: number[] = [];
        let received = 0;
        for (let run = 0; run < o.warmups + o.runs; run++) {
          const r = await round(remote, all, from, HUB_CHANGES, 30_000);
          from += HUB_CHANGES;
          if (run < o.warmups) continue;
          latencies.push(...r.latencies);
          received += r.received;
          o.onRun?.(`hub ${n} followers p95`, percentile(r.latencies, 95));
          // The tick and the store's write of the state settle between runs.
          await sleep(200);
        }
        figures.rounds.push({
          followers: n,
          changes: HUB_CHANGES,
          p95Ms: percentile(latencies, 95),
          medianMs: percentile(latencies, 50),
          maxMs: Math.max(...latencies),
          received,
          expected: n * HUB_CHANGES * o.runs,
        });
      } catch (error) {
        figures.failures.push(`hub with ${n} followers: ${why(error)}`);
        break;
      }
    }
  } catch (error) {
    figures.failures.push(`hub: ${why(error)}`);
  } finally {
    for (const p of peers) p.ws.terminate();
    await started.stop();
    // The talk it started is the copy's: its saved state goes with it.
    await rm(talkFile(path.resolve(o.projectRoot, o.slidesDir)), { force: true });
  }
  return figures;
}
