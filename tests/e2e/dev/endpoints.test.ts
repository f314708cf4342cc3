// The dev server's two write endpoints (the pen's annotations, a finished
// rehearsal) answer bad input with a clear 4xx, from any client: a body over
// the cap is 413 with its reason (read to its end first, so the client gets
// the answer, not a connection reset); a sub-path or a `..` after the
// endpoint is 404, and writes nothing; a write naming a foreign Origin is 403
// (checked on the server, not left to the browser's preflight). Nothing is
// written by any refused request.
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckViteConfig } from '../../../src/vite/config.ts';

let dir: string;
let slides: string;
let server: ViteDevServer;
let port: number;

const ANNOTATIONS = JSON.stringify({ version: 1, slides: {} });
const REHEARSAL = JSON.stringify({ version: 1, recorded: '2021-09-17T09:00:00.000Z', slides: { a: 1 } });

interface Answer {
  status: number;
  body: string;
}

/** A request sent as is (the path not normalised), its body in 1 MB pieces as a slow client would. */
function send(method: string, rawPath: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: rawPath,
        method,
        headers: { Host: `localhost:${port}`, 'Content-Type': 'application/json', 'Content-Length': String(data.length), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', (error) => reject(new Error(`${method} ${rawPath}: ${error.message} (no answer)`)));
    const piece = 1024 * 1024;
    let at = 0;
    const write = () => {
      while (at < data.length) {
        const ok = req.write(data.subarray(at, (at += piece)));
        if (!ok) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

const files = async () => (await readdir(slides)).sort();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-endpoints-'));
  slides = path.join(dir, 'slides');
  await cp('tests/fixtures/pen', slides, { recursive: true });
  await rm(path.join(slides, 'annotations.json'), { force: true });
  await rm(path.join(slides, 'rehearsal.json'), { force: true });
  server = await createServer(deckViteConfig({ slidesDir: slides, port: 0, logLevel: 'silent', log: () => {} }));
  await server.listen();
  const address = server.httpServer?.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the dev endpoints refuse bad input with a clear 4xx', () => {
  it('the positive case: a good write from the page’s own origin is taken', async () => {
    const origin = { Origin: `http://localhost:${port}` };
    expect((await send('POST', '/__iur/annotations', ANNOTATIONS, origin)).status).toBe(200);
    expect((await send('POST', '/__iur/rehearsal', REHEARSAL, origin)).status).toBe(200);
    expect(await files()).toContain('annotations.json');
    await rm(path.join(slides, 'annotations.json'));
    await rm(path.join(slides, 'rehearsal.json'));
  });

  it('a body over the cap: 413 with its reason, not a reset; nothing written', async () => {
    const before = await files();
    const big = await send('POST', '/__iur/annotations', `{"pad":"${'x'.repeat(9 * 1024 * 1024)}"}`);
    expect(big.status).toBe(413);
    expect(big.body).toMatch(/^413: annotations\.json: the drawings may be at most 8 MB/);
    const rehearsal = await send('POST', '/__iur/rehearsal', `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`);
    expect(rehearsal.status).toBe(413);
    expect(rehearsal.body).toMatch(/^413: a rehearsal may be at most 1 MB/);
    // Node's fetch, as a script would post: the same answer.
    const fetched = await fetch(`http://localhost:${port}/__iur/annotations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: ' '.repeat(9 * 1024 * 1024),
    });
    expect(fetched.status).toBe(413);
    expect(await files()).toEqual(before);
  });

  it('only the exact path: a sub-path or a `..` after the endpoint is 404, and writes nothing', async () => {
    const before = await files();
    for (const endpoint of ['/__iur/annotations', '/__iur/rehearsal']) {
      for (const wrong of [`${endpoint}/sub`, `${endpoint}/../../x`, `${endpoint}/`, `${endpoint}.json`, `${endpoint}/%2e%2e/x`]) {
        const answer = await send('POST', wrong, endpoint.endsWith('annotations') ? ANNOTATIONS : REHEARSAL);
        expect(answer.status, wrong).toBe(404);
        expect(answer.body, wrong).toMatch(/^404: no such endpoint/);
      }
    }
    expect((await send('GET', '/__iur/annotations/sub', '')).status).toBe(404);
    expect(await files()).toEqual(before);
  });

  it('a write naming a foreign Origin is 403 from any client; nothing written', async () => {
    const before = await files();
    for (const origin of ['http://evil.com', 'null', `http://localhost:${port + 1}`, `http://127.0.0.1.evil.com:${port}`]) {
      expect((await send('POST', '/__iur/annotations', ANNOTATIONS, { Origin: origin })).status, origin).toBe(403);
      expect((await send('POST', '/__iur/rehearsal', REHEARSAL, { Origin: origin })).status, origin).toBe(403);
    }
    expect(await files()).toEqual(before);
    expect(await readFile(path.join(slides, '01-pen.md'), 'utf8')).toContain('---');
  });

  it('a method the endpoint has not: 405', async () => {
    expect((await send('PUT', '/__iur/annotations', ANNOTATIONS)).status).toBe(405);
    expect((await send('GET', '/__iur/rehearsal', '')).status).toBe(405);
  });
});
