// The deck follows the cursor, and back, end to end: `npm run dev` (the real
// command, in its own process) on a copy of tests/fixtures/lsp, the deck open
// in Chromium through Puppeteer, and the language server driven by a
// vscode-jsonrpc client. A cursor moved to a line of slide 12 shows slide 12,
// on the fragment of that line; "在编辑器中打开" in the key help opens the
// slide's line in the editor (window/showDocument, or the server's own
// notification for a client without it). The dev server's endpoint answers
// 404 off its path, 403 to a foreign Origin or a wrong secret, 413 to a body
// too large; and a built deck has none of this.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/builder/buildDeck.ts';
import { editorLinkPath, readEditorLink, type EditorLinkInfo } from '../../../src/project/editorLinkFile.ts';
import { EDITOR_ENDPOINT, EDITOR_SECRET_HEADER, LSP_METHOD } from '../../../src/shared/editorLink.ts';
import { launchBrowser, openDeck } from '../../helpers/deckPage.ts';
import { ROOT, startLsp, uriOf, type LspClient } from '../../helpers/lspClient.ts';
import { waitForElement } from '../../helpers/waitFor.ts';

let dir: string;
let body: string;
let dev: ChildProcess;
let devOutput = '';
let link: EditorLinkInfo;
let browser: Browser;
let page: Page;
let lsp: LspClient;
let plain: LspClient;

/** The dev server's URL, once it prints it. */
async function devUrl(): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    // eslint-disable-next-line no-control-regex -- Vite colours its URL: the escapes go
    const url = /Local:\s+(http:\/\/\S+)/.exec(devOutput.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
    if (url) return url;
    if (Date.now() > deadline || dev.exitCode !== null) throw new Error(`npm run dev did not print its URL: ${devOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function request(method: string, rawPath: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: link.host, port: link.port, path: rawPath, method, headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const indices = () => page.evaluate(() => window.Reveal?.getIndices());

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-lsp-cursor-'));
  await cp(path.join(ROOT, 'tests/fixtures/lsp'), dir, { recursive: true });
  body = path.join(dir, '02-body.md');
  // A deck without errors, so the dev page shows it without an overlay.
  await writeFile(body, (await readFile(body, 'utf8')).replace('icon=databse', 'icon=database'));
  dev = spawn(process.execPath, [path.join(ROOT, 'src/cli/bin.mjs'), 'dev', '--slides', dir, '--port', '5391'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout?.setEncoding('utf8').on('data', (c: string) => (devOutput += c));
  dev.stderr?.setEncoding('utf8').on('data', (c: string) => (devOutput += c));
  const url = await devUrl();
  // The file is written once the server listens, which is before it prints its URL: at most a moment more.
  for (let i = 0; i < 100 && !readEditorLink(dir); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  const found = readEditorLink(dir);
  if (!found) throw new Error(`no discovery file at ${editorLinkPath(dir)}: ${devOutput}`);
  link = found;
  browser = await launchBrowser();
  page = (await openDeck(browser, url)).page;
  lsp = await startLsp({ layout: false });
  plain = await startLsp({ layout: false, showDocument: false });
  await lsp.open(body);
  await plain.open(body);
});

afterAll(async () => {
  await Promise.allSettled([lsp?.stop(), plain?.stop(), browser?.close()]);
  dev?.kill('SIGTERM');
  await new Promise((resolve) => (dev?.exitCode !== null ? resolve(null) : dev.once('exit', resolve)));
  await rm(dir, { recursive: true, force: true });
});

describe('the discovery file', () => {
  it('holds the port and a secret, for this user only, while the dev server runs', () => {
    expect(link.pid).toBe(dev.pid);
    expect(link.secret).toMatch(/^[0-9a-f]{48}$/);
    expect(statSync(editorLinkPath(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(editorLinkPath(dir))).mode & 0o777).toBe(0o700);
  });
});

describe('the deck follows the cursor', () => {
  it('shows slide 12, on the fragment of the line, when the cursor moves to it', async () => {
    const lines = (await readFile(body, 'utf8')).split('\n');
    const second = lines.findIndex((l) => l.includes('第12张的第二点'));
    const started = performance.now();
    await lsp.connection.sendNotification(LSP_METHOD.cursor, {
      textDocument: { uri: uriOf(body) },
      position: { line: second, character: 3 },
    });
    await expect
      .poll(indices, { timeout: 5000, message: 'slide 12 on screen, its second fragment shown' })
      .toMatchObject({ h: 11, v: 0, f: 1 });
    console.log(`cursor → slide 12 shown: ${Math.round(performance.now() - started)} ms`);

    const heading = lines.findIndex((l) => l === '## 第12张');
    await lsp.connection.sendNotification(LSP_METHOD.cursor, {
      textDocument: { uri: uriOf(body) },
      position: { line: heading, character: 0 },
    });
    await expect.poll(indices, { timeout: 5000, message: 'slide 12 before its fragments' }).toMatchObject({ h: 11, f: -1 });

    const cards = lines.findIndex((l) => l.includes('icon=cpu'));
    await lsp.connection.sendRequest('workspace/executeCommand', { command: 'iurDeck.showInDeck', arguments: [uriOf(body), cards] });
    await expect.poll(indices, { timeout: 5000, message: 'slide 3 (the cards) by the command' }).toMatchObject({ h: 2 });
    expect(
      await lsp.connection.sendRequest(LSP_METHOD.slideAt, {
        textDocument: { uri: uriOf(body) },
        position: { line: second, character: 0 },
      }),
    ).toEqual({ number: 12, total: 14, h: 11, v: 0, title: '第12张' });
  });

  it('opens the slide on screen in the editor from the key help, with showDocument or the fallback notification', async () => {
    const lines = (await readFile(body, 'utf8')).split('\n');
    const heading = lines.findIndex((l) => l === '## 第12张');
    await lsp.connection.sendNotification(LSP_METHOD.cursor, {
      textDocument: { uri: uriOf(body) },
      position: { line: heading, character: 0 },
    });
    await expect.poll(indices, { timeout: 5000, message: 'slide 12' }).toMatchObject({ h: 11 });
    await page.keyboard.down('Shift');
    await page.keyboard.press('?');
    await page.keyboard.up('Shift');
    const button = await waitForElement(page, 'the button 在编辑器中打开 in the key help', '.iur-reveal-source button');
    expect(await button.evaluate((b) => b.textContent)).toBe('在编辑器中打开');
    await button.click();
    await expect
      .poll(() => lsp.requests.filter((r) => r.method === 'window/showDocument').map((r) => r.params), {
        timeout: 5000,
        message: 'window/showDocument from the server',
      })
      .toEqual([
        {
          uri: uriOf(body),
          takeFocus: true,
          selection: { start: { line: heading, character: 0 }, end: { line: heading, character: 0 } },
        },
      ]);
    await expect
      .poll(() => plain.notes.filter((n) => n.method === LSP_METHOD.showSource).map((n) => n.params), {
        timeout: 5000,
        message: 'the fallback notification to a client without showDocument',
      })
      .toEqual([{ uri: uriOf(body), line: heading }]);
    await expect
      .poll(() => page.$eval('.iur-reveal-source span', (s) => s.textContent), { timeout: 5000, message: 'the page saying it was sent' })
      .toBe(' 已发给编辑器');
    await page.keyboard.press('Escape');
  });
});

describe("the dev server's editor endpoint", () => {
  const show = JSON.stringify({ type: 'show', file: '/x.md', line: 1 });
  it('answers 404 off its exact path, 403 to a foreign Origin or a wrong secret, 413 to a body over 4 KB', async () => {
    const secret = { [EDITOR_SECRET_HEADER]: link.secret };
    expect(await request('POST', `${EDITOR_ENDPOINT}/x`, show, secret)).toBe(404);
    expect(await request('POST', `${EDITOR_ENDPOINT}/../editor`, show, secret)).toBe(404);
    expect(await request('POST', EDITOR_ENDPOINT, show, { [EDITOR_SECRET_HEADER]: 'f'.repeat(48) })).toBe(403);
    expect(await request('POST', EDITOR_ENDPOINT, show, {})).toBe(403);
    expect(await request('GET', EDITOR_ENDPOINT, '', { Origin: 'https://example.com', ...secret })).toBe(403);
    expect(await request('POST', EDITOR_ENDPOINT, show, { Origin: 'https://example.com', ...secret })).toBe(403);
    expect(await request('POST', EDITOR_ENDPOINT, JSON.stringify({ type: 'show', file: 'x'.repeat(5000), line: 1 }), secret)).toBe(413);
    expect(await request('POST', EDITOR_ENDPOINT, '{"type":"run"}', secret)).toBe(400);
    expect(await request('POST', EDITOR_ENDPOINT, show, secret)).toBe(204);
  });
});

describe('the built deck', () => {
  it('holds none of the link, which the dev server serves', async () => {
    const served = await page.evaluate(async () => (await fetch('/editorLink.ts')).text());
    expect(served).toContain('在编辑器中打开');
    const out = await mkdtemp(path.join(os.tmpdir(), 'iur-lsp-built-'));
    await buildDeck({ slidesDir: dir, outDir: out, quiet: true });
    const texts = await Promise.all(
      (await readdir(out, { recursive: true })).filter((f) => /\.(js|html|css)$/.test(f)).map((f) => readFile(path.join(out, f), 'utf8')),
    );
    expect(texts.length).toBeGreaterThan(1);
    for (const word of ['在编辑器中打开', 'iur:editor', EDITOR_ENDPOINT, EDITOR_SECRET_HEADER]) {
      expect(texts.filter((t) => t.includes(word))).toEqual([]);
    }
    await rm(out, { recursive: true, force: true });
  });
});

describe('when the dev server stops', () => {
  it('removes its discovery file', async () => {
    dev.kill('SIGTERM');
    await new Promise((resolve) => (dev.exitCode !== null ? resolve(null) : dev.once('exit', resolve)));
    expect(existsSync(editorLinkPath(dir))).toBe(false);
  });
});
