// The VS Code extension packs offline into a .vsix (npm run package:vscode,
// @vscode/vsce 3.9): a zip whose package.json names the server it starts —
// the project's own, as package.json's bin gives it — and whose one script
// holds the client (vscode-languageclient bundled in, VS Code's API left to VS Code).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LSP_METHOD } from '../../../src/shared/editorLink.ts';
import { ROOT } from '../../helpers/lspClient.ts';

let dir: string;
let vsix: string;
let output: string;

const unzip = (...args: string[]) => execFileSync('unzip', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-lsp-vsix-'));
  vsix = path.join(dir, 'iur-deck.vsix');
  output = execFileSync('npm', ['run', 'package:vscode', '--', '--out', vsix], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}, 150_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run package:vscode', () => {
  it('writes a .vsix: a zip of the manifest, the extension script, its package.json and README', () => {
    expect(output).toContain(`${vsix} written`);
    const listing = unzip('-l', vsix);
    for (const name of ['extension.vsixmanifest', 'extension/package.json', 'extension/extension.js', 'extension/readme.md']) {
      expect(listing).toContain(name);
    }
  });

  it("names the server it starts: the project's iur-deck-lsp", () => {
    const manifest = JSON.parse(unzip('-p', vsix, 'extension/package.json')) as {
      main: string;
      engines: { vscode: string };
      activationEvents: string[];
      contributes: { configuration: { properties: Record<string, { default: unknown }> }; commands: { command: string }[] };
    };
    const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const server = manifest.contributes.configuration.properties['iurDeck.server'].default;
    expect(server).toBe(root.bin['iur-deck-lsp']);
    expect(existsSync(path.join(ROOT, String(server)))).toBe(true);
    expect(manifest.main).toBe('./extension.js');
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown']);
    expect(manifest.contributes.commands.map((c) => c.command)).toEqual(['iurDeck.showSlideAtCursor']);
  });

  it('bundles the language client and the custom methods into its script, and leaves vscode to VS Code', () => {
    const script = unzip('-p', vsix, 'extension/extension.js');
    expect(script).toContain(LSP_METHOD.cursor);
    expect(script).toContain(LSP_METHOD.slideAt);
    expect(script).toMatch(/require\(["']vscode["']\)/);
    expect(script).not.toMatch(/require\(["']vscode-languageclient/);
  });
});
