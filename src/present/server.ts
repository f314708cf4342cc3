// The present server: one request handler and one live channel behind two
// listeners on the same port. On loopback (the venue screen, the laptop
// itself) it serves as before; on the LAN address (only with --remote) every
// request passes the door first (gate.ts). It serves the deck (a built
// folder, or the dev server's pages through `deck`), the phone page and the
// venue script; it has no endpoint that writes anything.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Access, type Role, type Tokens } from './access.ts';
import { LiveChannel } from './channel.ts';
import { checkRequest, sendVerdict, type GateOptions } from './gate.ts';
import { ownHostnames } from './hosts.ts';
import { ASSET_PATHS, buildPageAssets, type Asset } from './pageAssets.ts';
import { FailureLimiter } from './rateLimit.ts';
import { Talk } from './talkState.ts';
import { SESSION_PATH, type TalkState } from '../shared/liveChannel.ts';

export type DeckHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface PresentServerOptions {
  /** Serves the deck (anything not the remote's own): only called for requests that passed the door. */
  deck: DeckHandler;
  /** The phone page and the venue script, bundled already (present's build child); else bundled here. */
  assets?: Map<string, Asset>;
  port: number;
  /** Try the next ports when this one is taken (not with an explicit --port). */
  portSearch: boolean;
  /** The LAN address to listen on as well (--remote), or none. */
  lanHost?: string;
  /** Listen on loopback too (false in dev: the dev server is the loopback listener). */
  loopback: boolean;
  /** A talk to go on with (`present` restarted: talkStore.ts): where it was, its tokens (none: new ones) and sessions. */
  kept?: { tokens?: Tokens; sessions: Record<string, Role>; state: TalkState | null };
  /** Called with the whole talk at the start and on every change (a slide, a session), to keep it. */
  keep?: (talk: { port: number; tokens: Tokens; sessions: Record<string, Role>; state: TalkState | null }) => void;
}

export interface PresentServer {
  port: number;
  access: Access;
  talk: Talk;
  channel: LiveChannel;
  /** The handler of a loopback request (dev: mounted into Vite's middlewares). */
  handleLoopback: (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;
  /** URLs the phone opens, with their tokens (only with a LAN address). */
  urls?: { remote: string; follow: string };
  close: () => Promise<void>;
}

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

const PHONE_CSP =
  "default-src 'self'; img-src 'self' data: blob:; media-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Listens with both servers on the same port: the first free one from `port` (both must be free). */
async function listenOnOnePort(
  loopServer: http.Server | undefined,
  lanServer: http.Server | undefined,
  options: PresentServerOptions,
): Promise<number> {
  let port = options.port;
  for (let attempt = 0; ; attempt++) {
    try {
      if (loopServer) {
        await listen(loopServer, port, '127.0.0.1');
        port = (loopServer.address() as AddressInfo).port;
      }
      if (lanServer && options.lanHost) await listen(lanServer, port, options.lanHost);
      return port;
    } catch (error) {
      if (loopServer?.listening) await close(loopServer);
      const code = (error as NodeJS.ErrnoException).code;
      if (!options.portSearch || code !== 'EADDRINUSE' || attempt >= 20) throw error;
      port++;
    }
  }
}

export async function startPresentServer(options: PresentServerOptions): Promise<PresentServer> {
  const assets = options.assets ?? (await buildPageAssets());
  const kept = options.kept;
  const access = new Access(kept?.tokens ? { tokens: kept.tokens, sessions: kept.sessions } : undefined);
  const talk = new Talk(Date.now, kept?.state ?? null);
  const gate: GateOptions = {
    access,
    limiter: new FailureLimiter(),
    allowedHosts: ownHostnames(options.lanHost ? [options.lanHost] : []),
    cookieName: `iur_present_${options.port}`,
  };
  const channel = new LiveChannel(talk, gate);

  const serveAsset = (res: http.ServerResponse, asset: Asset, head: boolean) => {
    const csp = asset.type.startsWith('text/html') ? { 'Content-Security-Policy': PHONE_CSP } : {};
    res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': asset.body.length, ...SECURITY_HEADERS, ...csp });
    res.end(head ? undefined : asset.body);
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, lan: boolean, next?: () => void) => {
    const verdict = checkRequest(req, lan, gate);
    if (!('who' in verdict)) return sendVerdict(res, verdict);
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    // Past the door: the session holds (a page whose live channel would not open asks here).
    if (pathname === SESSION_PATH) {
      res.writeHead(204, SECURITY_HEADERS);
      return res.end();
    }
    const asset = assets.get(pathname === `${ASSET_PATHS.phone}/` ? ASSET_PATHS.phone : pathname);
    if (asset) return serveAsset(res, asset, req.method === 'HEAD');
    if (lan) for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (next) return next();
    options.deck(req, res);
  };

  const lanServer = options.lanHost ? http.createServer((req, res) => handle(req, res, true)) : undefined;
  const loopServer = options.loopback ? http.createServer((req, res) => handle(req, res, false)) : undefined;
  lanServer?.on('upgrade', (req, socket, head) => channel.upgrade(req, socket, head, true));
  loopServer?.on('upgrade', (req, socket, head) => {
    if (!channel.upgrade(req, socket, head, false)) socket.destroy();
  });

  const port = await listenOnOnePort(loopServer, lanServer, options);
  gate.cookieName = `iur_present_${port}`;
  const keep = () => options.keep?.({ port, tokens: access.tokens, sessions: access.sessionList(), state: talk.state });
  access.onSession = keep;
  talk.onChange(keep);
  keep();

  const base = options.lanHost ? `http://${urlHost(options.lanHost)}:${port}${ASSET_PATHS.phone}?token=` : undefined;
  return {
    port,
    access,
    talk,
    channel,
    handleLoopback: (req, res, next) => handle(req, res, false, next),
    urls: base ? { remote: base + access.tokens.remote, follow: base + access.tokens.follow } : undefined,
    close: async () => {
      channel.close();
      await Promise.all([lanServer, loopServer].map((s) => (s?.listening ? close(s) : Promise.resolve())));
    },
  };
}
