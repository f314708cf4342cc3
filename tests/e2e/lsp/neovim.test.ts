// The language server in a real editor: Neovim 0.7's own LSP client
// (vim.lsp.start_client), headless, driven by tests/helpers/nvimLsp.lua on a
// slide file of a copy of tests/fixtures/lsp whose long list was cut short.
// It gets the unknown-icon diagnostic at its line; after the list is put back
// and the file saved, the overflow at the list's line; Lucide names after
// `icon=` and the containers after `::: `; and the punctuation quick fix
// changes the buffer.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/lspClient.ts';

interface Seen {
  lnum: number;
  col: number;
  end_col: number;
  severity: number;
  message: string;
}

interface Received {
  error?: string;
  icon_seen: boolean;
  overflow_seen: boolean;
  before_save: Seen[];
  after_save: Seen[];
  icons: string[];
  containers: string[];
  actions: string[];
  fixed_line: string;
}

let dir: string;
let got: Received;
let text: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-lsp-nvim-'));
  await cp(path.join(ROOT, 'tests/fixtures/lsp'), dir, { recursive: true });
  const body = path.join(dir, '02-body.md');
  text = await readFile(body, 'utf8');
  const long = text.split('\n').filter((l) => /^- 第十.行内容/.test(l));
  await writeFile(
    body,
    text
      .split('\n')
      .filter((l) => !long.includes(l))
      .join('\n'),
  );
  const out = path.join(dir, 'received.json');
  await promisify(execFile)(
    'nvim',
    ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'tests/helpers/nvimLsp.lua')}`],
    {
      cwd: dir,
      timeout: 150_000,
      env: {
        ...process.env,
        IUR_FILE: body,
        IUR_OUT: out,
        IUR_ROOT: ROOT,
        IUR_NODE: process.execPath,
        IUR_LONG_LINES: JSON.stringify(long),
      },
    },
  );
  got = JSON.parse(await readFile(out, 'utf8')) as Received;
  // What Neovim received, for the reader of the test's output.
  console.log(
    [
      'Neovim received:',
      ...got.after_save.map(
        (d) => `  diagnostic ${d.lnum + 1}:${d.col + 1}-${d.end_col + 1} (${d.severity === 1 ? 'error' : 'warning'}) ${d.message}`,
      ),
      `  completion after icon=: ${got.icons.length} items (${got.icons.slice(0, 5).join(', ')} …)`,
      `  completion after ::: : ${got.containers.join(', ')}`,
      `  code actions: ${got.actions.join(' | ')}`,
      `  the line after the fix: ${got.fixed_line}`,
    ].join('\n'),
  );
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('Neovim', () => {
  it('gets the unknown icon at its name, then after a save the overflow at the list', () => {
    expect(got.error).toBeUndefined();
    expect(got.icon_seen).toBe(true);
    const icon = got.before_save.find((d) => d.message.includes('unknown icon "databse"'));
    // Neovim counts columns in bytes: 数据 is six of them.
    const line = text.split('\n')[lineOf('icon=databse')];
    const col = Buffer.byteLength(line.slice(0, line.indexOf('databse')));
    expect(icon).toMatchObject({ lnum: lineOf('icon=databse'), col, end_col: col + 'databse'.length, severity: 1 });
    expect(got.before_save.some((d) => d.message.startsWith('overflow:'))).toBe(false);
    expect(got.overflow_seen).toBe(true);
    expect(got.after_save.find((d) => d.message.startsWith('overflow:'))).toMatchObject({ lnum: lineOf('- 第一行内容'), severity: 1 });
  });

  it('completes Lucide names after icon= and the containers after :::', () => {
    expect(got.icons.length).toBeGreaterThan(1000);
    expect(got.icons).toEqual(expect.arrayContaining(['database', 'database-x', 'cpu']));
    expect(got.containers).toEqual(['title', 'divider', 'outline', 'centered', 'columns', 'column', 'note', 'small', 'cards']);
  });

  it('applies the punctuation quick fix to the buffer', () => {
    expect(got.actions).toContain('Write the full-width ，');
    expect(got.fixed_line).toBe('产学研合作，以企业为主体');
  });
});
