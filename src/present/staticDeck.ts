// The built deck, served from its folder by sirv (which keeps every path
// inside it: anything outside is a 404). The page itself gets the venue
// script, so each screen that opens the deck follows the talk.
import type http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sirv from 'sirv';
import { withVenueScript } from './pageAssets.ts';
import type { DeckHandler } from './server.ts';

export function staticDeck(dir: string): DeckHandler {
  const files = sirv(dir, { dev: true, etag: false, dotfiles: false });
  const notFound = (res: http.ServerResponse) => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('404: not found');
  };
  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/' || pathname === '/index.html') {
      readFile(path.join(dir, 'index.html'), 'utf8').then(
        (html) => {
          const body = Buffer.from(withVenueScript(html));
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
          res.end(req.method === 'HEAD' ? undefined : body);
        },
        () => notFound(res),
      );
      return;
    }
    files(req, res, () => notFound(res));
  };
}
