// A real LSP client on vscode-jsonrpc (the library VS Code's own client is
// built on) that starts the language server as an editor does
// (`node src/cli/lsp.mjs --stdio`) and speaks to it over its standard input and
// output: it opens, edits and saves documents, and keeps every diagnostics
// notification (with when it came) and every message the server sends. The
// benchmark times the server through it (lspBench.ts); the end-to-end tests
// drive every feature with it (tests/helpers/lspClient.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { PROJECT_ROOT } from '../project/paths.ts';

export const ROOT = PROJECT_ROOT;

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

interface Heard {
  published: Published[];
  notes: { method: string; params: unknown }[];
  requests: { method: string; params: unknown }[];
  waiters: Set<() => void>;
}

/** Keeps what the server sends (diagnostics, other notifications, requests) and wakes who waits on it. */
function listen(connection: MessageConnection): Heard {
  const heard: Heard = { published: [], notes: [], requests: [], waiters: new Set() };
  const wake = () => {
    for (const w of heard.waiters) w();
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: Omit<Published, 'at'>) => {
    heard.published.push({ ...p, at: performance.now() });
    wake();
  });
  connection.onNotification((method, params) => {
    heard.notes.push({ method, params });
    wake();
  });
  connection.onRequest((method, params) => {
    heard.requests.push({ method, params });
    wake();
    return method === 'window/showDocument' ? { success: true } : null;
  });
  connection.listen();
  return heard;
}

async function initialize(connection: MessageConnection, options: StartOptions): Promise<void> {
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
}

/** didOpen, didChange (the whole text, versioned), didSave, didClose. */
function documents(connection: MessageConnection): Pick<LspClient, 'open' | 'change' | 'save' | 'close'> {
  const versions = new Map<string, number>();
  return {
    async open(file, text) {
      const content = text ?? readFileSync(file, 'utf8');
      versions.set(file, 1);
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uriOf(file), languageId: 'markdown', version: 1, text: content },
      });
      return content;
    },
    async change(file, text) {
      const version = (versions.get(file) ?? 1) + 1;
      versions.set(file, version);
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
  };
}

/** The latest diagnostics of a file that pass `test`, as soon as they are published. */
function waitForDiagnostics(heard: Heard): LspClient['diagnostics'] {
  return (file, what, test, ms = 20_000) => {
    const uri = uriOf(file);
    const latest = () => [...heard.published].reverse().find((p) => p.uri === uri);
    return new Promise((resolve, reject) => {
      const check = () => {
        const p = latest();
        if (p && test(p.diagnostics, p)) {
          heard.waiters.delete(check);
          clearTimeout(timer);
          resolve(p.diagnostics);
        }
      };
      const timer = setTimeout(() => {
        heard.waiters.delete(check);
        const last = latest()?.diagnostics.map((d) => `${d.range.start.line}: ${d.message}`);
        reject(new Error(`waited ${ms} ms for ${what} on ${path.basename(file)}; last: ${JSON.stringify(last)}`));
      }, ms);
      heard.waiters.add(check);
      check();
    });
  };
}

/** shutdown and exit as an editor ends it; killed if it has not ended 10 s later. */
async function stopServer(child: ChildProcess, connection: MessageConnection): Promise<void> {
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
}

export async function startLsp(options: StartOptions = {}): Promise<LspClient> {
  const server = [path.join(ROOT, 'src/cli/lsp.mjs'), '--stdio'];
  const child = spawn(process.execPath, options.throughParent ? ['-e', PARENT, ...server] : server, {
    cwd: options.cwd ?? ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const heard = listen(connection);
  await initialize(connection, options);
  return {
    child,
    connection,
    published: heard.published,
    notes: heard.notes,
    requests: heard.requests,
    stderr: () => stderr,
    ...documents(connection),
    diagnostics: waitForDiagnostics(heard),
    stop: () => stopServer(child, connection),
  };
}
