// The dev server serves a deck's SVG pictures as the build ships them: the
// cleaned copy (src/pictures/svgClean.ts), never the file as it is, so a
// picture brought in from elsewhere runs nothing and loads nothing in dev
// either (nor on a phone under `dev -- --remote`). The page names its
// pictures by /@fs/<absolute path> (deckPlugin.ts); a plain GET of such an
// .svg (no ?query: Vite's own module requests keep theirs) is answered here,
// after containFiles.ts has refused any that leads outside the deck.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileOfUrl } from './containFiles.ts';
import { isSvgFile } from '../pictures/limits.ts';
import { cleanSvgFile } from '../pictures/svgClean.ts';

type Next = (error?: unknown) => void;

export function cleanSvgs(root: string) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const url = req.url ?? '';
    const file = url.startsWith('/@fs/') && !url.includes('?') ? fileOfUrl(url, root) : undefined;
    if (!file || !isSvgFile(file) || !existsSync(file) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const cleaned = cleanSvgFile(file);
    if ('error' in cleaned) {
      res.statusCode = 415;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`415: ${file}: ${cleaned.error}`);
      return;
    }
    const body = Buffer.from(cleaned.svg);
    res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
