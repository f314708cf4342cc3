// `dev -- --remote`: the phone remote beside the dev server. The dev server
// stays the loopback listener (the venue screen, live updates); a Vite plugin
// adds the venue script to its page and the remote's own routes and live
// channel to it. The LAN listener, on the same port, puts every request
// through the door before handing the deck's requests to Vite.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Plugin, ViteDevServer } from 'vite';
import { ASSET_PATHS } from './pageAssets.ts';
import { startPresentServer, type PresentServer } from './server.ts';
import { SESSION_PATH } from '../shared/liveChannel.ts';

export interface DevRemote {
  plugin: Plugin;
  /** Once the dev server listens: the LAN listener on its port. */
  start: (vite: ViteDevServer, lanHost: string) => Promise<PresentServer>;
}

export function devRemote(): DevRemote {
  let present: PresentServer | undefined;
  const ours = new Set<string>([...Object.values(ASSET_PATHS), SESSION_PATH]);
  const plugin: Plugin = {
    name: 'iur-deck:remote',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://x').pathname;
        if (present && ours.has(pathname)) present.handleLoopback(req, res, next);
        else next();
      });
      server.httpServer?.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        present?.channel.upgrade(req, socket, head, false);
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'script', attrs: { type: 'module', src: ASSET_PATHS.venueJs }, injectTo: 'head' }],
    },
  };
  return {
    plugin,
    start: async (vite, lanHost) => {
      const address = vite.httpServer?.address();
      const port = typeof address === 'object' && address ? address.port : 5173;
      present = await startPresentServer({
        deck: (req, res) => vite.middlewares(req, res),
        port,
        portSearch: false,
        lanHost,
        loopback: false,
      });
      return present;
    },
  };
}
