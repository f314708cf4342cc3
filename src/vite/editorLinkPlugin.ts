// Dev only: the dev server's end of the link to the author's editor. When it
// listens it writes its discovery file (port and a random secret, 0600;
// src/project/editorLinkFile.ts) and removes it when it stops. On its one
// endpoint (src/shared/editorLink.ts), only from this machine (loopback),
// with no foreign Origin and only with the secret: POST where the editor's
// cursor is → the page shows that slide (Vite's HMR channel, a custom event);
// GET → a stream on which it says which place the page asked to reveal in the
// editor ("在编辑器中打开" in the key help). Wrong path 404, foreign Origin
// or wrong secret 403, a body over 4 KB 413. `npm run build` has none of it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { stopOnExit } from '../process/exitCleanup.ts';
import { removeEditorLink, writeEditorLink } from '../project/editorLinkFile.ts';
import { displayPath } from '../project/readSources.ts';
import {
  EDITOR_ENDPOINT,
  EDITOR_EVENT,
  EDITOR_SECRET_HEADER,
  MAX_EDITOR_BODY,
  parseEditorCommand,
  parsePagePlace,
  type EditorEvent,
  type PagePlace,
  type RevealAnswer,
} from '../shared/editorLink.ts';
import { ownOrigin, rawPath } from './endpointGuard.ts';
import { answerTooLarge, BodyTooLargeError, readBody } from './readBody.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function answer(res: ServerResponse, status: number, text = ''): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}

/** Whether the secret sent is this server's (compared in constant time). */
function secretMatches(req: IncomingMessage, secret: string): boolean {
  const sent = Buffer.from(String(req.headers[EDITOR_SECRET_HEADER] ?? ''));
  const own = Buffer.from(secret);
  return sent.length === own.length && timingSafeEqual(sent, own);
}

/** Refuses what is not the language server on this machine; true when the request may go on. */
function admitted(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, secret: string): boolean {
  if (rawPath(req) !== EDITOR_ENDPOINT) answer(res, 404, `404: no such endpoint (the endpoint is ${EDITOR_ENDPOINT})`);
  else if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) answer(res, 403, '403: only from this machine');
  else if (!ownOrigin(req)) answer(res, 403, "403: not from another site's page");
  else if (!secretMatches(req, secret)) answer(res, 403, '403: the secret of the discovery file is needed');
  else return true;
  return false;
}

export function editorLinkPlugin(options: { slidesDir: string }): Plugin {
  const slidesDir = path.resolve(options.slidesDir);
  const secret = randomBytes(24).toString('hex');
  const editors = new Set<ServerResponse>();

  const show = (server: ViteDevServer, req: IncomingMessage, res: ServerResponse) =>
    readBody(req, MAX_EDITOR_BODY, `an editor command may be at most ${MAX_EDITOR_BODY} bytes`)
      .then((body) => {
        const command = parseEditorCommand(JSON.parse(body));
        if (!command) return answer(res, 400, '400: expected {"type":"show","file":…,"line":…}');
        // The page's sections name their file as this process shows paths (data-file).
        const place: PagePlace = { file: displayPath(path.resolve(command.file)), line: command.line };
        server.ws.send({ type: 'custom', event: EDITOR_EVENT.show, data: place });
        answer(res, 204);
      })
      .catch((error: unknown) =>
        error instanceof BodyTooLargeError ? answerTooLarge(req, res, error) : answer(res, 400, `400: ${String(error)}`),
      );

  const listen = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
    res.flushHeaders();
    editors.add(res);
    req.on('close', () => editors.delete(res));
  };

  return {
    name: 'iur-deck-editor-link',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(EDITOR_ENDPOINT, (req, res) => {
        if (!admitted(req, res, secret)) return;
        if (req.method === 'POST') void show(server, req, res);
        else if (req.method === 'GET') listen(req, res);
        else answer(res, 405, '405: GET the events or POST a command');
      });
      // The page asks to open a place in the editor: every listening editor is told, the page how many.
      server.ws.on(EDITOR_EVENT.reveal, (data: unknown, client: { send: (event: string, payload?: unknown) => void }) => {
        const place = parsePagePlace(data);
        if (!place) return;
        const event: EditorEvent = { type: 'reveal', file: path.resolve(place.file), line: place.line };
        for (const editor of editors) editor.write(`${JSON.stringify(event)}\n`);
        client.send(EDITOR_EVENT.revealed, { editors: editors.size } satisfies RevealAnswer);
      });
      const http = server.httpServer;
      http?.once('listening', () => {
        const address = http.address() as AddressInfo | null;
        if (!address) return;
        void writeEditorLink({ pid: process.pid, host: address.address, port: address.port, secret }, slidesDir).catch(() => {});
        const release = stopOnExit(() => removeEditorLink(slidesDir, secret));
        http.once('close', () => {
          for (const editor of editors) editor.end();
          removeEditorLink(slidesDir, secret);
          release();
        });
      });
    },
  };
}
