// Reads the body of a request to a dev-server endpoint (the pen's
// annotations, a finished rehearsal) as UTF-8 text, refusing one larger than
// the endpoint's cap: the request is cut off and the promise rejects with the
// endpoint's own message.
import type { IncomingMessage } from 'node:http';

/** The body of `req`; rejects with `tooLarge` once it passes `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number, tooLarge: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error(tooLarge));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
