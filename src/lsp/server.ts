// The language server: the editor's open Markdown files, each followed as a
// part of its deck or left alone (workspace.ts); diagnostics while typing and
// on save; completion, hover, quick fixes and the outline; and the link to
// the open deck in dev (the cursor shown there, "reveal in source" opened
// here). Every handler answers — an empty answer when it has nothing, or when
// something in it failed (said in the log) — so no half-typed text makes the
// editor see an error.
import path from 'node:path';
import { CodeActionKind, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { LSP_METHOD, SHOW_IN_DECK_COMMAND, type CursorParams, type SlideAt } from '../shared/editorLink.ts';
import { codeActions } from './codeActions.ts';
import { completions, resolveCompletion } from './completion.ts';
import { pointedAt, typingAt } from './contextAt.ts';
import { hoverFor } from './hover.ts';
import { documentSymbols } from './symbols.ts';
import { Workspace } from './workspace.ts';

export interface ServerOptions {
  version: string;
  log: (line: string) => void;
}

/** Runs `work`; on an exception says it in the log and answers `fallback`. */
async function safely<T>(what: string, log: (line: string) => void, fallback: T, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

function capabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    completionProvider: { triggerCharacters: [':', ' ', '=', '.', '(', '/'], resolveProvider: true },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    documentSymbolProvider: true,
    executeCommandProvider: { commands: [SHOW_IN_DECK_COMMAND] },
  };
}

/** Open, change, save, close: the deck checked again. */
function followDocuments(ws: Workspace): void {
  const { documents, log } = ws;
  documents.onDidOpen((e) => void safely('open', log, undefined, () => ws.deckOf(e.document.uri)?.deck.opened()));
  documents.onDidChangeContent((e) => void safely('change', log, undefined, () => ws.deckOf(e.document.uri)?.deck.edited()));
  documents.onDidSave((e) => void safely('save', log, undefined, () => ws.deckOf(e.document.uri)?.deck.saved()));
  // A file closed unsaved: the deck is what is on disk again.
  documents.onDidClose((e) => void safely('close', log, undefined, () => ws.deckOf(e.document.uri)?.deck.edited()));
}

/** Completion, hover, quick fixes, the outline. */
function answerQuestions(connection: Connection, ws: Workspace): void {
  const { log } = ws;
  connection.onCompletion((params) =>
    safely('completion', log, [], () => {
      const at = ws.deckOf(params.textDocument.uri);
      if (!at) return [];
      const typing = typingAt(ws.linesOf(params.textDocument.uri), params.position.line, params.position.character);
      const isFirst = ws.isFirstFile(at.file, at.deck.dir);
      return completions(typing, { file: at.file, slidesDir: at.deck.dir, isFirst, snippets: ws.client.snippets });
    }),
  );
  connection.onCompletionResolve((item) => safely('completion item', log, item, () => resolveCompletion(item)));
  connection.onHover((params) =>
    safely('hover', log, null, () => {
      const at = ws.deckOf(params.textDocument.uri);
      const pointed = at && pointedAt(ws.linesOf(params.textDocument.uri), params.position.line, params.position.character);
      return at ? hoverFor(pointed, at.file, at.deck.dir) : null;
    }),
  );
  connection.onCodeAction((params) =>
    safely('code action', log, [], async () => {
      const at = ws.deckOf(params.textDocument.uri);
      if (!at) return [];
      const findings = (await at.deck.current())?.findings.get(at.file) ?? [];
      return codeActions(params.textDocument.uri, ws.linesOf(params.textDocument.uri), params.range, findings, params.context.diagnostics);
    }),
  );
  connection.onDocumentSymbol((params) =>
    safely('outline', log, [], async () => {
      const at = ws.deckOf(params.textDocument.uri);
      const parsed = await at?.deck.current();
      if (!at || !parsed) return [];
      return documentSymbols(parsed.deck, (f) => path.resolve(f) === at.file, ws.linesOf(params.textDocument.uri).length);
    }),
  );
}

/** The slide at a line, as the deck counts them. */
async function slideAt(ws: Workspace, uri: string, line: number): Promise<SlideAt | null> {
  const at = ws.deckOf(uri);
  const parsed = await at?.deck.current();
  if (!at || !parsed) return null;
  const slides = parsed.deck.slides.filter((s) => path.resolve(s.pos.file) === at.file && s.pos.line <= line + 1);
  const slide = slides[slides.length - 1];
  return slide ? { number: slide.index + 1, total: parsed.deck.slides.length, h: slide.h, v: slide.v, title: slide.title } : null;
}

/** The deck follows the cursor: the custom notification, the command, and the slide number for a status bar. */
function followCursor(connection: Connection, ws: Workspace): void {
  const { log } = ws;
  const showInDeck = (uri: string, line: number) => {
    const at = ws.deckOf(uri);
    at?.deck.link.start();
    at?.deck.link.show(at.file, line + 1);
  };
  connection.onRequest(LSP_METHOD.slideAt, (params: CursorParams) =>
    safely('slide at', log, null, () => slideAt(ws, params.textDocument.uri, params.position.line)),
  );
  connection.onNotification(
    LSP_METHOD.cursor,
    (params: CursorParams) => void safely('cursor', log, undefined, () => showInDeck(params.textDocument.uri, params.position.line)),
  );
  connection.onExecuteCommand((params) =>
    safely('command', log, null, () => {
      const args: unknown[] = params.arguments ?? [];
      const [uri, line] = args;
      if (params.command === SHOW_IN_DECK_COMMAND && typeof uri === 'string' && typeof line === 'number') showInDeck(uri, line);
      return null;
    }),
  );
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const ws = new Workspace(connection, options.log);
  connection.onInitialize((params) => {
    ws.client.snippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    ws.client.showDocument = params.capabilities.window?.showDocument?.support === true;
    ws.client.layout = (params.initializationOptions as { layout?: unknown } | undefined)?.layout !== false;
    return { capabilities: capabilities(), serverInfo: { name: 'iur-deck', version: options.version } };
  });
  followDocuments(ws);
  answerQuestions(connection, ws);
  followCursor(connection, ws);
  connection.onShutdown(() => ws.close());
  ws.documents.listen(connection);
  connection.listen();
}
