// What the language server holds: the editor's open documents, the decks they
// belong to (deckFolder.ts; one DeckState each), one layout checker per deck
// (started when its first file opens: Puppeteer and the export pipeline are
// loaded then, not before), and what the client said it can do. The handlers
// (server.ts) ask it which deck a document is part of.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageType, ShowMessageNotification, TextDocuments, type Connection, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LSP_METHOD, type ShowSource } from '../shared/editorLink.ts';
import { DeckFolders } from './deckFolder.ts';
import { DeckState, type DeckHost, type OpenText } from './deckState.ts';
import type { LayoutChecker } from './layoutCheck.ts';

export interface ClientAbilities {
  snippets: boolean;
  showDocument: boolean;
  /** Layout checks asked for (initializationOptions.layout, default true). */
  layout: boolean;
}

export function fileOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class Workspace {
  readonly documents = new TextDocuments(TextDocument);
  readonly client: ClientAbilities = { snippets: false, showDocument: false, layout: true };
  private readonly folders = new DeckFolders();
  private readonly decks = new Map<string, DeckState>();
  private readonly checkers = new Map<string, Promise<LayoutChecker | undefined>>();
  private readonly host: DeckHost;

  constructor(
    private readonly connection: Connection,
    readonly log: (line: string) => void,
  ) {
    this.host = {
      open: (dir) => this.openIn(dir),
      layout: (dir) => this.layout(dir),
      reveal: (file, line) => this.reveal(file, line),
      log,
      publish: (file: string, diagnostics: Diagnostic[], version?: number) =>
        void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics, version }),
    };
  }

  /** The deck a document belongs to, or undefined for a file outside any deck. */
  deckOf(uri: string): { deck: DeckState; file: string } | undefined {
    const file = fileOf(uri);
    const dir = file && this.folders.deckOf(file, (d) => [...this.openIn(d).values()].map((o) => o.text));
    if (!file || !dir) return undefined;
    let deck = this.decks.get(dir);
    if (!deck) {
      deck = new DeckState(dir, this.host);
      this.decks.set(dir, deck);
    }
    return { deck, file };
  }

  linesOf(uri: string): string[] {
    return this.documents.get(uri)?.getText().split('\n') ?? [];
  }

  /** Whether the file is its deck's first in name order (the only one that sets the deck's keys). */
  isFirstFile(file: string, dir: string): boolean {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      /* an unsaved deck: the open files alone */
    }
    const all = [...names, ...[...this.openIn(dir).keys()].map((f) => path.basename(f))].filter((n) => /\.md$/i.test(n)).sort();
    return all[0] === path.basename(file);
  }

  async close(): Promise<void> {
    for (const deck of this.decks.values()) deck.close();
    await Promise.allSettled([...this.checkers.values()].map(async (c) => (await c)?.close()));
  }

  private openIn(dir: string): Map<string, OpenText> {
    const out = new Map<string, OpenText>();
    for (const doc of this.documents.all()) {
      const file = fileOf(doc.uri);
      if (file && path.dirname(file) === dir) out.set(file, { text: doc.getText(), version: doc.version });
    }
    return out;
  }

  private layout(dir: string): Promise<LayoutChecker | undefined> {
    if (!this.client.layout) return Promise.resolve(undefined);
    let checker = this.checkers.get(dir);
    if (!checker) {
      checker = import('./layoutCheck.ts').then(({ LayoutChecker }) => {
        const c = new LayoutChecker(dir, {
          log: this.log,
          unavailable: (why) => {
            this.log(why);
            // A notification (window/showMessage), not a request: said once, nothing asked of the author.
            void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `iur-deck: ${why}` });
          },
        });
        c.warm();
        return c;
      });
      this.checkers.set(dir, checker);
    }
    return checker;
  }

  /** Opens a place in the editor: window/showDocument, or for a client without it the server's own notification. */
  private reveal(file: string, line: number): void {
    const uri = pathToFileURL(file).href;
    const at = { line: Math.max(0, line - 1), character: 0 };
    if (this.client.showDocument) void this.connection.window.showDocument({ uri, takeFocus: true, selection: { start: at, end: at } });
    else void this.connection.sendNotification(LSP_METHOD.showSource, { uri, line: at.line } satisfies ShowSource);
  }
}
