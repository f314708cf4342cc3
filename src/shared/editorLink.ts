// The names and messages of the link between the author's editor and the open
// deck in dev, end to end: the editor tells the language server (src/lsp/)
// where its cursor is, the language server tells the dev server
// (src/vite/editorLinkPlugin.ts) on its loopback endpoint, the dev server
// tells the page (src/client/editorLink.ts) over Vite's HMR channel; and
// back: "reveal in source" in the page's key help goes page → dev server →
// language server → editor (window/showDocument). Dev only: nothing of this
// is in a built deck.

/** Custom LSP methods and the command, for any client (the VS Code extension in src/vscode/, Neovim, Helix …). */
export const LSP_METHOD = {
  /** client → server notification: the cursor moved (CursorParams). */
  cursor: 'iurDeck/cursor',
  /** client → server request: the slide at a place (CursorParams → SlideAt | null). */
  slideAt: 'iurDeck/slideAt',
  /** server → client notification, for a client without window/showDocument (Neovim 0.7): open this place (ShowSource). */
  showSource: 'iurDeck/showSource',
} as const;

/** workspace/executeCommand: show the slide of [uri, line (0-based)] in the open deck. */
export const SHOW_IN_DECK_COMMAND = 'iurDeck.showInDeck';

export interface CursorParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

export interface SlideAt {
  /** 1-based, in reading order, as the deck counts them; and of how many. */
  number: number;
  total: number;
  /** reveal.js coordinates. */
  h: number;
  v: number;
  title: string;
}

export interface ShowSource {
  uri: string;
  /** 0-based line. */
  line: number;
}

/** The dev server's endpoint for the language server: POST an EditorCommand, GET the stream of EditorEvents. */
export const EDITOR_ENDPOINT = '/__iur/editor';
/** The header that carries the secret of the dev server's discovery file. */
export const EDITOR_SECRET_HEADER = 'x-iur-editor-secret';
/** The largest command body the endpoint takes. */
export const MAX_EDITOR_BODY = 4096;

/** language server → dev server: show the slide (and fragment) at this line of this file (absolute path, 1-based line). */
export interface EditorCommand {
  type: 'show';
  file: string;
  line: number;
}

/** dev server → language server, one JSON a line: the page asked to open this place (absolute path, 1-based line). */
export interface EditorEvent {
  type: 'reveal';
  file: string;
  line: number;
}

/** The custom HMR events between the dev server and the page. */
export const EDITOR_EVENT = {
  /** server → page: show the slide at { file, line } (file as the page's data-file). */
  show: 'iur:editor-show',
  /** page → server: open { file, line } in the editor. */
  reveal: 'iur:editor-reveal',
  /** server → page: how the reveal went (RevealAnswer). */
  revealed: 'iur:editor-revealed',
} as const;

export interface PagePlace {
  /** As the page's sections carry it (data-file): relative to the dev server's working folder. */
  file: string;
  line: number;
}

export interface RevealAnswer {
  /** How many editors were told. */
  editors: number;
}

/** Checks a parsed body as an EditorCommand; undefined for anything else. */
export function parseEditorCommand(value: unknown): EditorCommand | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  const line = o.line;
  if (o.type !== 'show' || typeof o.file !== 'string' || o.file.length > 2048) return undefined;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line > 10_000_000) return undefined;
  return { type: 'show', file: o.file, line };
}

/** Checks what the page sent as a PagePlace; undefined for anything else. */
export function parsePagePlace(value: unknown): PagePlace | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  const line = o.line;
  if (typeof o.file !== 'string' || o.file.length === 0 || o.file.length > 2048) return undefined;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line > 10_000_000) return undefined;
  return { file: o.file, line };
}
