// Reads the body of a request to a dev-server endpoint (the pen's
// annotations, a finished rehearsal) as UTF-8 text, refusing one larger than
// the endpoint's cap with a 413 and the endpoint's own message. The answer
// must reach the client: a server that drops the socket while the client is
// still sending gets it a connection reset instead of the reason. So the rest
// of an oversized body is read and thrown away (up to DRAIN_BYTES more), then
// the 413 is sent on a connection that still works; only a body beyond even
// that is answered at once and its connection closed once the answer is out.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How much of an oversized body is read and dropped, so that its sender gets the 413. */
export const DRAIN_BYTES = 64 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(
    message: string,
    /** The body went on past DRAIN_BYTES: the connection is closed after the answer. */
    readonly endless: boolean,
  ) {
    super(message);
  }
}

/** The body of `req`; rejects with a BodyTooLargeError (message `tooLarge`) once it passes `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number, tooLarge: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + DRAIN_BYTES) {
      reject(new BodyTooLargeError(tooLarge, true));
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > maxBytes + DRAIN_BYTES) {
        req.pause();
        reject(new BodyTooLargeError(tooLarge, true));
      }
    });
    req.on('end', () =>
      size > maxBytes ? reject(new BodyTooLargeError(tooLarge, false)) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

/** Answers 413 with the reason; an endless body's connection is closed once the answer has gone out. */
export function answerTooLarge(req: IncomingMessage, res: ServerResponse, error: BodyTooLargeError): void {
  res.statusCode = 413;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  if (error.endless) {
    res.setHeader('Connection', 'close');
    res.once('finish', () => setTimeout(() => req.destroy(), 100).unref());
  }
  res.end(`413: ${error.message}`);
}
