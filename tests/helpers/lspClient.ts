// Test helper: a real LSP client on vscode-jsonrpc (the library VS Code's own
// client is built on) that starts the language server as an editor does
// (`node src/cli/lsp.mjs --stdio`) and speaks to it over its standard input and
// output: it opens, edits and saves documents, asks for completion, hover,
// code actions, symbols, and keeps every diagnostics notification and every
// message the server sends.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  at: number;
}

export interface LspClient {
  child: ChildProcess;
  connection: MessageConnection;
  published: Published[];
  /** window/showMessage, window/logMessage and other notifications, by method. */
  notes: { method: string; params: unknown }[];
  /** Requests the server sent (window/showDocument …). */
  requests: { method: string; params: unknown }[];
  stderr: () => string;
  open: (file: string, text?: string) => Promise<string>;
  change: (file: string, text: string) => Promise<number>;
  save: (file: string) => Promise<void>;
  close: (file: string) => Promise<void>;
  /** The latest diagnostics of a file that satisfy `test`, waiting up to `ms` for them. */
  diagnostics: (file: string, what: string, test: (d: Diagnostic[], p: Published) => boolean, ms?: number) => Promise<Diagnostic[]>;
  stop: () => Promise<void>;
}

export const uriOf = (file: string) => pathToFileURL(file).href;

export interface StartOptions {
  /** initializationOptions: { layout: false } leaves Chromium out. */
  layout?: boolean;
  /** What the client says it supports. */
  showDocument?: boolean;
  snippets?: boolean;
  cwd?: string;
  /** Start it through a parent process of its own (that passes on its standard streams), to see the server end when that parent dies. */
  throughParent?: boolean;
}

/** A parent that starts the server on its own standard streams and waits. */
const PARENT = `require('node:child_process').spawn(process.execPath, process.argv.slice(1), { stdio: 'inherit' }); setInterval(() => {}, 1 << 30);`;

export async function startLsp(options: StartOptions = {}): Promise<LspClient> {
  const server = [path.join(ROOT, 'src/cli/lsp.mjs'), '--stdio'];
  const child = spawn(process.execPath, options.throughParent ? ['-e', PARENT, ...server] : server, {
    cwd: options.cwd ?? ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: Published[] = [];
  const notes: { method: string; params: unknown }[] = [];
  const requests: { method: string; params: unknown }[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: Omit<Published, 'at'>) => {
    published.push({ ...p, at: performance.now() });
    for (const w of waiters) w();
  });
  connection.onNotification((method, params) => {
    notes.push({ method, params });
    for (const w of waiters) w();
  });
  connection.onRequest((method, params) => {
    requests.push({ method, params });
    for (const w of waiters) w();
    return method === 'window/showDocument' ? { success: true } : null;
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uriOf(ROOT),
    capabilities: {
      textDocument: {
        completion: { completionItem: { snippetSupport: options.snippets ?? true } },
        publishDiagnostics: { versionSupport: true },
      },
      window: { showDocument: { support: options.showDocument ?? true } },
    },
    initializationOptions: { layout: options.layout ?? true },
  });
  await connection.sendNotification('initialized', {});

  const versions = new Map<string, number>();
  const texts = new Map<string, string>();
  const client: LspClient = {
    child,
    connection,
    published,
    notes,
    requests,
    stderr: () => stderr,
    async open(file, text) {
      const content = text ?? readFileSync(file, 'utf8');
      versions.set(file, 1);
      texts.set(file, content);
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uriOf(file), languageId: 'markdown', version: 1, text: content },
      });
      return content;
    },
    async change(file, text) {
      const version = (versions.get(file) ?? 1) + 1;
      versions.set(file, version);
      texts.set(file, text);
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: uriOf(file), version },
        contentChanges: [{ text }],
      });
      return version;
    },
    async save(file) {
      await connection.sendNotification('textDocument/didSave', { textDocument: { uri: uriOf(file) } });
    },
    async close(file) {
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
    },
    diagnostics(file, what, test, ms = 20_000) {
      const uri = uriOf(file);
      const latest = () => [...published].reverse().find((p) => p.uri === uri);
      return new Promise((resolve, reject) => {
        const check = () => {
          const p = latest();
          if (p && test(p.diagnostics, p)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(p.diagnostics);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `waited ${ms} ms for ${what} on ${path.basename(file)}; last: ${JSON.stringify(latest()?.diagnostics.map((d) => `${d.range.start.line}: ${d.message}`))}`,
            ),
          );
        }, ms);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode === null) {
        await connection.sendRequest('shutdown').catch(() => {});
        await connection.sendNotification('exit').catch(() => {});
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      connection.dispose();
    },
  };
  return client;
}
