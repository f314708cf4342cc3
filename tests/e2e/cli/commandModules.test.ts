// Each command loads only its own packages (issue 34): `build` none of
// Puppeteer, pdf-lib or PowerPoint's writer; `export --format pdf` not the
// PowerPoint writer, the QR code maker or the WebSocket library (Puppeteer
// is driven over a pipe); `present`'s server (which stays all day) none of
// the Markdown parser, Vite, Mermaid, esbuild or Puppeteer: its build runs in
// a child process that exits. The real command line runs on a small deck with
// a preload that logs every module it loads (tests/helpers/moduleLog.mjs);
// each run must also show the packages it does need, so an empty log cannot pass.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/deckPage.ts';
import { LAN } from '../../helpers/presentRun.ts';

const LOG_PRELOAD = pathToFileURL(path.resolve('tests/helpers/moduleLog.mjs')).href;
const DECK = 'tests/fixtures/basic';

let work: string;

beforeAll(async () => {
  work = await tempDir('modules');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The packages (node_modules/<name> or <@scope/name>) a module path or URL belongs to, innermost. */
function packageOf(entry: string): string | undefined {
  const file = entry.startsWith('file:') ? fileURLToPath(entry) : entry;
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const name = parts[at + 1] ?? '';
  if (name === '.cache') return undefined;
  return name.startsWith('@') ? `${name}/${parts[at + 2] ?? ''}` : name;
}

/** The packages named in a module log. */
function packagesIn(log: string): Set<string> {
  const entries = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return new Set(entries.map(packageOf).filter((p): p is string => p !== undefined));
}

/** Runs the command line with the module log; returns its exit code, output and the packages it loaded. */
function runLogged(name: string, args: string[]): { code: number | null; out: string; packages: Set<string> } {
  const log = path.join(work, `${name}.log`);
  const r = spawnSync(process.execPath, ['--import', LOG_PRELOAD, 'src/cli/bin.mjs', ...args], {
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...process.env, MODULE_LOG: log },
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}`, packages: packagesIn(log) };
}

describe('what each command loads', () => {
  it("build: the Markdown parser, and none of Puppeteer, pdf-lib, pptxgenjs or BudouX's HTML processor", () => {
    const r = runLogged('build', ['build', '--slides', DECK, '--out', path.join(work, 'dist')]);
    expect(r.code, r.out).toBe(0);
    expect([...r.packages]).toContain('markdown-it');
    // linkedom comes only with BudouX's HTML processor (src/markdown/budouxParser.ts).
    const loaded = ['puppeteer', 'puppeteer-core', '@puppeteer/browsers', 'pdf-lib', 'pptxgenjs', 'linkedom'].filter((p) =>
      r.packages.has(p),
    );
    expect(loaded, 'packages build loaded').toEqual([]);
  });

  it('export --format pdf: Puppeteer and pdf-lib, and none of pptxgenjs, qrcode or ws', () => {
    const r = runLogged('pdf', ['export', '--format', 'pdf', '--slides', DECK, '--out', path.join(work, 'deck.pdf')]);
    expect(r.code, r.out).toBe(0);
    expect([...r.packages]).toEqual(expect.arrayContaining(['puppeteer-core', 'pdf-lib']));
    const loaded = ['pptxgenjs', 'qrcode', 'ws'].filter((p) => r.packages.has(p));
    expect(loaded, 'packages a PDF export loaded').toEqual([]);
  });

  it('present --remote: the server holds ws, sirv and qrcode, and none of markdown-it, vite, mermaid, esbuild or Puppeteer; its build child does the build', async () => {
    const logs = path.join(work, 'present');
    await mkdir(logs);
    const args = ['present', '--slides', DECK, '--remote', '--host', LAN, '--port', '5791', '--fresh'];
    const child = spawn(process.execPath, ['--import', LOG_PRELOAD, 'src/cli/bin.mjs', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MODULE_LOG: path.join(logs, '{pid}.log') },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      for (const end = Date.now() + 120_000; !out.includes('Ctrl+C ends it.') && child.exitCode === null && Date.now() < end;)
        await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('Ctrl+C ends it.');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited, out).toBe(130);
    const server = packagesIn(path.join(logs, `${child.pid}.log`));
    expect([...server]).toEqual(expect.arrayContaining(['ws', 'sirv', 'qrcode']));
    const heavy = ['markdown-it', 'vite', 'mermaid', 'esbuild', 'shiki', 'katex', 'puppeteer', 'puppeteer-core'];
    expect(
      heavy.filter((p) => server.has(p)),
      'packages the present server loaded',
    ).toEqual([]);
    // The build happened, in another process: its log shows the parser and the scripts' bundler.
    const others = readdirSync(logs).filter((name) => name !== `${child.pid}.log`);
    expect(others).toHaveLength(1);
    expect([...packagesIn(path.join(logs, others[0] ?? ''))]).toEqual(expect.arrayContaining(['markdown-it', 'esbuild']));
  });
});
