// The VS Code extension, thin on purpose: it starts the workspace's own
// iur-deck language server (package.json: iurDeck.server, the project's
// src/cli/lsp.mjs) with vscode-languageclient, which brings its diagnostics,
// completion, hover, quick fixes and outline into VS Code and opens what the
// server asks to show (window/showDocument: "reveal in source" from the deck).
// Beside that: the slide at the cursor in the status bar, the cursor sent to
// the server so that the deck in `npm run dev` follows it, and a "Show in
// deck" command. Bundled into the .vsix by packageVsix.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { LSP_METHOD, SHOW_IN_DECK_COMMAND, type CursorParams, type SlideAt } from '../shared/editorLink.ts';

let client: LanguageClient | undefined;

/** The workspace folder holding the iur-deck project, and the server script in it. */
function findServer(): { folder: string; server: string } | undefined {
  const relative = vscode.workspace.getConfiguration('iurDeck').get<string>('server', 'src/cli/lsp.mjs');
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    const server = path.join(f.uri.fsPath, relative);
    if (existsSync(server)) return { folder: f.uri.fsPath, server };
  }
  return undefined;
}

function cursorOf(editor: vscode.TextEditor): CursorParams {
  const { line, character } = editor.selection.active;
  return { textDocument: { uri: editor.document.uri.toString() }, position: { line, character } };
}

/** The status bar's slide number, and the cursor sent on (the deck follows it). */
function followCursor(context: vscode.ExtensionContext, lsp: LanguageClient): void {
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = 'iurDeck.showSlideAtCursor';
  context.subscriptions.push(status);
  let timer: NodeJS.Timeout | undefined;
  const update = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(timer);
    if (!editor || editor.document.languageId !== 'markdown') return status.hide();
    timer = setTimeout(() => {
      const cursor = cursorOf(editor);
      if (vscode.workspace.getConfiguration('iurDeck').get<boolean>('followCursor', true))
        void lsp.sendNotification(LSP_METHOD.cursor, cursor);
      void lsp.sendRequest<SlideAt | null>(LSP_METHOD.slideAt, cursor).then((slide) => {
        if (!slide) return status.hide();
        status.text = `$(preview) 幻灯片 ${slide.number} / ${slide.total}`;
        status.tooltip = `${slide.title || '（无标题）'} — iur-deck: Show in deck`;
        status.show();
      });
    }, 50);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((e) => update(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.commands.registerCommand('iurDeck.showSlideAtCursor', () => {
      const editor = vscode.window.activeTextEditor;
      if (editor)
        void lsp.sendRequest('workspace/executeCommand', {
          command: SHOW_IN_DECK_COMMAND,
          arguments: [editor.document.uri.toString(), editor.selection.active.line],
        });
    }),
  );
  update(vscode.window.activeTextEditor);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const found = findServer();
  if (!found) return; // not an iur-deck project: nothing to do
  const node = vscode.workspace.getConfiguration('iurDeck').get<string>('node', 'node');
  const run = { command: node, args: [found.server, '--stdio'], transport: TransportKind.stdio, options: { cwd: found.folder } };
  client = new LanguageClient('iurDeck', 'iur-deck', { run, debug: run }, { documentSelector: [{ scheme: 'file', language: 'markdown' }] });
  await client.start();
  followCursor(context, client);
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
