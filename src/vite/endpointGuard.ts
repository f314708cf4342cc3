// The checks every dev-server endpoint (the pen's annotations, a rehearsal)
// makes before its own: its exact path only (a sub-path or a `..` after it is
// 404, not the same endpoint), and a write only from this server's own pages:
// a request that names another Origin (a page elsewhere, `null` from a
// sandbox or file://) is 403, whatever the client — the check is here on the
// server, not left to the browser's CORS preflight, which a plain form post
// or a non-browser client skips. A request without Origin is no browser's
// cross-site request (browsers send it on every POST): a local tool may post.
import type { IncomingMessage, ServerResponse } from 'node:http';

type ConnectRequest = IncomingMessage & { originalUrl?: string };

function refuse(res: ServerResponse, status: number, text: string): false {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
  return false;
}

/** The path of the request as sent (before any `..` is resolved), without its query. */
export function rawPath(req: ConnectRequest): string {
  return (req.originalUrl ?? req.url ?? '').split(/[?#]/)[0];
}

/** Whether the request's Origin, if it names one, is this server (the same host and port it was sent to). */
export function ownOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/** True when the request may go on to the endpoint; otherwise it has been answered (404 or 403). */
export function guardEndpoint(req: ConnectRequest, res: ServerResponse, endpoint: string): boolean {
  if (rawPath(req) !== endpoint) return refuse(res, 404, `404: no such endpoint (the endpoint is ${endpoint})`);
  const write = req.method !== 'GET' && req.method !== 'HEAD';
  if (write && !ownOrigin(req)) return refuse(res, 403, `403: a write to ${endpoint} must come from this server's own page`);
  return true;
}
