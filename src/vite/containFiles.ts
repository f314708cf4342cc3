// The dev server's guard: a request for a file whose real path (after
// symlinks) lies outside the deck's roots is answered 403, as the build
// refuses to read it (src/project/contain.ts). Vite's own fs.allow checks the
// path as written, so a symlink inside the slides folder to /etc/passwd
// passed it (…/01-passwd.md?raw served the password file).
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contain, type Roots } from '../project/contain.ts';

type Next = (error?: unknown) => void;

/** The file a dev-server URL names: /@fs/<absolute path>, or a path below Vite's root. */
export function fileOfUrl(url: string, root: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.startsWith('/@fs/')) return path.resolve(pathname.slice('/@fs'.length));
  if (pathname.startsWith('/@') || pathname.startsWith('/__')) return undefined; // Vite's own virtual paths
  return path.join(root, pathname);
}

export function containFiles(root: string, roots: () => Roots) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const file = req.url ? fileOfUrl(req.url, root) : undefined;
    if (file && existsSync(file)) {
      const where = contain(file, roots());
      if (!where.ok && !where.missing) {
        res.statusCode = 403;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(
          `403: ${file} leads outside the deck's folders (${where.real}); iur-deck serves only files in the slides folder and the project.`,
        );
        return;
      }
    }
    next();
  };
}
