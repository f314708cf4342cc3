// The language server through the protocol, as an editor drives it: one
// server (node src/cli/lsp.mjs --stdio) and one Chromium for the whole file,
// a client on vscode-jsonrpc, a copy of tests/fixtures/lsp. Every feature:
// parse-level diagnostics from the editor's text (an unknown icon, a missing
// picture, unclosed raw HTML, front-matter keys, Mermaid, control characters,
// half-width punctuation), layout diagnostics on save that clear when fixed,
// completion, hover, quick fixes, the outline; a file outside any deck left
// alone; a half-typed file at each character never answered with an error;
// a Chromium that dies started again once, then layout checks unavailable
// while the parse-level ones go on (last: it leaves the server without one).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf } from '../../../src/bench/procTree.ts';
import { ROOT, startLsp, uriOf, type Diagnostic, type LspClient } from '../../helpers/lspClient.ts';

let dir: string;
let body: string;
let opening: string;
let lsp: LspClient;

const at = (line: number, character: number) => ({ line, character });
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

interface Item {
  label: string;
  insertText?: string;
  textEdit?: { newText: string };
  documentation?: { value: string } | string;
  data?: unknown;
}
interface Action {
  title: string;
  edit?: { changes: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> };
}

const complete = (file: string, position: { line: number; character: number }) =>
  lsp.connection.sendRequest<Item[]>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position });
const hover = async (file: string, position: { line: number; character: number }) =>
  (
    await lsp.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: uriOf(file) },
      position,
    })
  )?.contents.value ?? '';
const actions = (file: string, line: number, diagnostics: Diagnostic[] = []) =>
  lsp.connection.sendRequest<Action[]>('textDocument/codeAction', {
    textDocument: { uri: uriOf(file) },
    range: { start: at(line, 0), end: at(line, 200) },
    context: { diagnostics },
  });

/** Chromium's browser process: the server's child (its helpers are Chromium's). */
function chromiums(): number[] {
  return childrenOf(lsp.child.pid ?? 0).filter((pid) => {
    try {
      return /chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '');
    } catch {
      return false;
    }
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-lsp-protocol-'));
  await cp(path.join(ROOT, 'tests/fixtures/lsp'), dir, { recursive: true });
  body = path.join(dir, '02-body.md');
  opening = path.join(dir, '01-opening.md');
  lsp = await startLsp();
  await lsp.open(body);
  await lsp.open(opening);
});

afterAll(async () => {
  await lsp?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('diagnostics while typing', () => {
  it('says what check says of the file as opened: the unknown icon at its name, the punctuation at its mark', async () => {
    const text = await readFile(body, 'utf8');
    const found = await lsp.diagnostics(body, 'the unknown icon', (d) => d.some((x) => x.message.includes('unknown icon')));
    const icon = found.find((d) => d.message.includes('unknown icon "databse"'));
    const iconLine = lineOf(text, 'icon=databse');
    expect(icon?.range.start).toEqual(at(iconLine, text.split('\n')[iconLine].indexOf('databse')));
    expect(icon?.severity).toBe(1);
    const comma = found.find((d) => d.code === 'punctuation');
    const commaLine = lineOf(text, '产学研合作, ');
    expect(comma?.range).toEqual({ start: at(commaLine, 5), end: at(commaLine, 7) });
  });

  it("reports the parser's findings in the editor's text, not the file on disk: each at its line", async () => {
    const text = await readFile(body, 'utf8');
    const added = [
      '',
      '---',
      '',
      '## 问题',
      '',
      '![图](images/none.png)',
      '',
      'Word 的换行\x0B在这里',
      '',
      '```mermaid',
      'flowchart LR',
      '  A --> --> B',
      '```',
      '',
      '<!-- 没有关上',
      '',
    ];
    const version = await lsp.change(body, text + added.join('\n'));
    const edited = (text + added.join('\n')).split('\n');
    const found = await lsp.diagnostics(
      body,
      'the new findings',
      (d, p) => p.version === version && d.some((x) => x.message.includes('Mermaid')),
    );
    const lineWith = (needle: string) => edited.findIndex((l) => l.includes(needle));
    const where = (part: string) => found.find((d) => d.message.includes(part))?.range.start.line;
    expect(where('image not found: images/none.png')).toBe(lineWith('images/none.png'));
    expect(where('control character U+000B')).toBe(lineWith('\x0B'));
    expect(where('Mermaid diagram does not parse')).toBe(lineWith('A --> --> B'));
    expect(where('<!-- is not closed')).toBe(lineWith('<!-- 没有关上'));
    await lsp.change(body, text);
    await lsp.diagnostics(body, 'the findings gone with the text', (d) => !d.some((x) => x.message.includes('Mermaid')));
  });

  it("checks the front matter's keys and values", async () => {
    const text = await readFile(opening, 'utf8');
    const version = await lsp.change(opening, text.replace('duration: 10', 'duration: 十分钟\nspeaker: 某人'));
    const found = await lsp.diagnostics(opening, 'the front-matter findings', (d, p) => p.version === version && d.length >= 2);
    expect(found.map((d) => [d.range.start.line, d.message.split(' (')[0]])).toEqual(
      expect.arrayContaining([
        [4, 'front-matter key "duration" must be a number of minutes'],
        [5, 'unknown front-matter key "speaker"'],
      ]),
    );
    await lsp.change(opening, text);
    await lsp.diagnostics(opening, 'a clean front matter', (d) => d.length === 0);
  });
});

describe('layout diagnostics on save', () => {
  it('says the overflow at its line, clears it when fixed and saved, says it again when it comes back', async () => {
    const text = await readFile(body, 'utf8');
    const ul = lineOf(text, '- 第一行内容');
    const overflow = (d: Diagnostic[]) => d.find((x) => x.message.startsWith('overflow:'));
    const found = await lsp.diagnostics(body, 'the overflow', (d) => overflow(d) !== undefined, 60_000);
    expect(overflow(found)?.range.start.line).toBe(ul);
    expect(overflow(found)?.range.start.character).toBe(2);
    // The doctor's Chinese-text findings are left to the parse-level ones (one each, at its mark).
    expect(found.filter((d) => d.message.startsWith('ASCII punctuation'))).toHaveLength(1);

    const fixed = text
      .split('\n')
      .filter((l) => !/^- 第十.行内容/.test(l))
      .join('\n');
    await writeFile(body, fixed);
    await lsp.change(body, fixed);
    await lsp.save(body);
    await lsp.diagnostics(
      body,
      'no overflow after the fix',
      (d) => overflow(d) === undefined && d.some((x) => x.message.includes('databse')),
    );

    await writeFile(body, text);
    await lsp.change(body, text);
    await lsp.save(body);
    const again = await lsp.diagnostics(body, 'the overflow again', (d) => overflow(d) !== undefined);
    expect(overflow(again)?.range.start.line).toBe(ul);
  });
});

describe('completion', () => {
  it('offers Lucide names after icon=, each with its picture once chosen', async () => {
    const text = await readFile(body, 'utf8');
    const line = lineOf(text, 'icon=databse');
    const items = await complete(body, at(line, text.split('\n')[line].indexOf('databse') + 4));
    expect(items.length).toBeGreaterThan(1000);
    const database = items.find((i) => i.label === 'database');
    expect(database).toBeDefined();
    const resolved = await lsp.connection.sendRequest<Item>('completionItem/resolve', database);
    expect(JSON.stringify(resolved.documentation)).toMatch(/!\[database\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
  });

  it('offers the containers after ::: with a snippet of the block, and front-matter keys, classes and pictures', async () => {
    const text = await readFile(body, 'utf8');
    await lsp.change(body, `${text}\n::: \n## 新 {.\n![图](\n`);
    const lines = `${text}\n::: \n## 新 {.\n![图](\n`.split('\n');
    const n = lines.length;
    const containers = await complete(body, at(n - 4, 4));
    expect(containers.map((i) => i.label)).toEqual(
      expect.arrayContaining(['cards', 'columns', 'column', 'title', 'outline', 'divider', 'centered', 'note', 'small']),
    );
    expect(containers.find((i) => i.label === 'columns')?.textEdit?.newText).toMatch(/^:::: columns\n::: column\n\$\{1:左栏\}/);
    const classes = await complete(body, at(n - 3, lines[n - 3].length));
    expect(classes.map((i) => i.label)).toEqual(expect.arrayContaining(['dense', 'roomy', 'statement', 'fragment']));
    const pictures = await complete(body, at(n - 2, lines[n - 2].length));
    expect(pictures.map((i) => i.label)).toEqual(expect.arrayContaining(['images/picture.svg', '/assets/readme/slide-cards.png']));
    await lsp.change(body, text);

    // A new line in the first file's front matter: the keys not there yet, deck and part keys.
    const first = await readFile(opening, 'utf8');
    await lsp.change(opening, first.replace('---\n', '---\n\n'));
    const keys = await complete(opening, at(1, 0));
    expect(keys.map((i) => i.label)).toEqual(expect.arrayContaining(['subtitle', 'organisation', 'theme', 'part', 'marker']));
    expect(keys.map((i) => i.label)).not.toContain('title');
    expect(JSON.stringify(keys.find((i) => i.label === 'theme')?.documentation)).toContain('themes/');
    await lsp.change(opening, first);
    // A part's file takes only a part's keys (both are there already).
    await lsp.change(body, text.replace('---\n', '---\n\n'));
    expect(await complete(body, at(1, 0))).toEqual([]);
    await lsp.change(body, text);
  });
});

describe('hover', () => {
  it('shows an icon, a front-matter key, a picture with its size and where it was found', async () => {
    const text = (await readFile(body, 'utf8')).split('\n');
    const cpu = text.findIndex((l) => l.includes('icon=cpu'));
    expect(await hover(body, at(cpu, text[cpu].indexOf('cpu') + 1))).toMatch(/^!\[cpu\]\(data:image\/svg\+xml;base64,/);
    const typo = text.findIndex((l) => l.includes('icon=databse'));
    expect(await hover(body, at(typo, text[typo].indexOf('databse')))).toContain('`database`');
    expect(await hover(opening, at(4, 2))).toMatch(/\*\*duration\*\*: a number of minutes/);
    const picture = text.findIndex((l) => l.includes('images/picture.svg'));
    const said = await hover(body, at(picture, 6));
    expect(said).toMatch(/\d+ × \d+ px/);
    expect(said).toContain(`${dir}/images/picture.svg`);
  });
});

describe('quick fixes', () => {
  it('the full-width mark, the closest icon, an alt-text placeholder, and for a space nothing or U+3000', async () => {
    const text = await readFile(body, 'utf8');
    const lines = text.split('\n');
    const comma = await actions(body, lineOf(text, '产学研合作, '));
    expect(comma[0]).toMatchObject({ title: 'Write the full-width ，' });
    expect(Object.values(comma[0].edit?.changes ?? {})[0]).toEqual([
      { range: { start: at(lineOf(text, '产学研合作, '), 5), end: at(lineOf(text, '产学研合作, '), 7) }, newText: '，' },
    ]);
    const icon = await actions(body, lineOf(text, 'icon=databse'));
    expect(icon.map((a) => a.title)).toEqual(['Use the icon database', 'Use the icon database-x', 'Use the icon table']);
    const alt = await actions(body, lineOf(text, '![](images/picture.svg)'));
    expect(Object.values(alt[0].edit?.changes ?? {})[0][0].newText).toBe('[图片说明]');

    const spaced = lines.map((l) => (l === '## 标点' ? '## 标点 符号' : l)).join('\n');
    const version = await lsp.change(body, spaced);
    await lsp.diagnostics(body, 'the space', (d, p) => p.version === version && d.some((x) => x.code === 'chinese-space'));
    const space = await actions(body, lineOf(spaced, '## 标点 符号'));
    expect(space.map((a) => [a.title, Object.values(a.edit?.changes ?? {})[0][0].newText])).toEqual([
      ['Delete the space', ''],
      ['Write a full-width space (U+3000)', '\u3000'],
    ]);
    await lsp.change(body, text);
  });
});

describe('the outline', () => {
  it("lists the file's part and its slides, numbered as the deck counts them", async () => {
    const symbols = await lsp.connection.sendRequest<{ name: string; children: { name: string }[] }[]>('textDocument/documentSymbol', {
      textDocument: { uri: uriOf(body) },
    });
    expect(symbols.map((s) => s.name)).toEqual(['一、正文']);
    expect(symbols[0].children.map((c) => c.name)).toEqual([
      '3 卡片',
      '4 太长的一张',
      '5 标点',
      '6 图片',
      ...Array.from({ length: 8 }, (_, i) => `${i + 7} 第${i + 7}张`),
    ]);
  });
});

describe('bad input', () => {
  it('leaves a file outside any deck alone: no diagnostics, no completion, no error', async () => {
    const readme = path.join(ROOT, 'README.md');
    await lsp.open(readme);
    expect(await complete(readme, at(0, 0))).toEqual([]);
    await lsp.change(readme, '::: \n{icon=x}\n');
    expect(await complete(readme, at(0, 4))).toEqual([]);
    await lsp.diagnostics(body, 'a check after the README', () => true);
    expect(lsp.published.filter((p) => p.uri === uriOf(readme))).toEqual([]);
    await lsp.close(readme);
  });

  it('takes a half-typed file at every character: each version checked, every request answered without an error', async () => {
    const whole = (await readFile(opening, 'utf8')) + (await readFile(body, 'utf8')).split('\n---\n\n## 太长')[0];
    const errors: string[] = [];
    const ask = async (method: string, params: object) => {
      try {
        await lsp.connection.sendRequest(method, params);
      } catch (error) {
        errors.push(`${method}: ${String(error)}`);
      }
    };
    for (let k = 0; k <= whole.length; k++) {
      const part = whole.slice(0, k);
      const version = await lsp.change(opening, part);
      const lines = part.split('\n');
      const end = at(lines.length - 1, lines[lines.length - 1].length);
      const textDocument = { uri: uriOf(opening) };
      await Promise.all([
        ask('textDocument/completion', { textDocument, position: end }),
        ask('textDocument/hover', { textDocument, position: end }),
        ask('textDocument/documentSymbol', { textDocument }),
        ask('textDocument/codeAction', { textDocument, range: { start: at(0, 0), end }, context: { diagnostics: [] } }),
      ]);
      await lsp.diagnostics(opening, `the check of version ${version}`, (_, p) => (p.version ?? 0) >= version, 10_000);
    }
    expect(errors).toEqual([]);
    expect(lsp.child.exitCode).toBeNull();
    await lsp.change(opening, await readFile(opening, 'utf8'));
  });
});

describe('a Chromium that dies', () => {
  it('is started again once; the second time layout checks are unavailable, said once, and the parse-level checks go on', async () => {
    const text = await readFile(body, 'utf8');
    await expect.poll(chromiums, { timeout: 30_000, message: "the server's Chromium" }).toHaveLength(1);
    const first = chromiums();
    process.kill(first[0], 'SIGKILL');
    // Saved without the overflow, then with it again: only a Chromium that lays the slides out says it again.
    const overflow = (d: Diagnostic[]) => d.some((x) => x.message.startsWith('overflow:'));
    const fixed = text
      .split('\n')
      .filter((l) => !/^- 第十.行内容/.test(l))
      .join('\n');
    for (const [content, want] of [
      [fixed, false],
      [text, true],
    ] as const) {
      await writeFile(body, content);
      await lsp.change(body, content);
      await lsp.save(body);
      await lsp.diagnostics(body, `the overflow ${want ? 'back' : 'gone'}`, (d) => overflow(d) === want, 30_000);
    }
    const second = chromiums();
    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(first[0]);

    process.kill(second[0], 'SIGKILL');
    await expect
      .poll(() => lsp.notes.filter((n) => n.method === 'window/showMessage').map((n) => JSON.stringify(n.params)), {
        timeout: 20_000,
        message: 'the server saying layout checks are unavailable',
      })
      .toEqual([expect.stringContaining('layout checks (overflow, text size, glyphs, pictures) are unavailable: Chromium ended twice')]);
    await lsp.save(body);
    const version = await lsp.change(body, text.replace('icon=cpu', 'icon=cpux'));
    const parsed = await lsp.diagnostics(
      body,
      'parse-level findings without Chromium',
      (d, p) => p.version === version && d.some((x) => x.message.includes('"cpux"')),
    );
    expect(parsed.some((x) => x.message.startsWith('overflow:'))).toBe(false);
    expect(chromiums()).toEqual([]);
    expect(lsp.notes.filter((n) => n.method === 'window/showMessage')).toHaveLength(1);
  });
});
