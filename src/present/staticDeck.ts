// The built deck, served from its folder by sirv (which keeps every path
// inside it: anything outside is a 404). No dotfile is served, to anyone:
// sirv's own `dotfiles: false` does not hold in its dev mode, which served
// the build's marker /.iur-deck-build. The page itself gets the venue script,
// so each screen that opens the deck follows the talk.
import type http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sirv from 'sirv';
import { withVenueScript } from './pageAssets.ts';
import type { DeckHandler } from './server.ts';

/** Whether a path names a dotfile or goes through a dot-folder (as sent, or %-encoded). */
export function hasDotSegment(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true; // not a path any file of the build has
  }
  return decoded.split(/[/\\]/).some((segment) => segment.startsWith('.'));
}

export function staticDeck(dir: string): DeckHandler {
  const files = sirv(dir, { dev: true, etag: false, dotfiles: false });
  const notFound = (res: http.ServerResponse) => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('404: not found');
  };
  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (hasDotSegment(pathname)) return notFound(res);
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
