// The editor figures: the language server (`node src/cli/lsp.mjs --stdio`,
// as an editor starts it) driven by an LSP client on vscode-jsonrpc
// (lspClient.ts), on a copy of the slides, in the deck's largest file.
// - keystroke → diagnostics: a character typed (didChange) → the
//   publishDiagnostics of that version, parse level, on Node's clock;
// - save → layout diagnostics: a slide made to overflow (a long list put in)
//   and back, each saved → the doctor's finding published or cleared: the
//   warm Chromium's layout check, which a text-only save needs as much;
// - memory: the server's own process, Chromium apart (VmRSS now, VmHWM peak);
// - cursor → slide shown: with `npm run dev` and its page open, the cursor
//   moved to a line of another slide (iurDeck/cursor) → reveal.js on that
//   slide, seen at the next animation frame of the page.
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { LSP_METHOD, type SlideAt } from '../shared/editorLink.ts';
import type { FigureOptions } from './args.ts';
import { startDevSession } from './devSession.ts';
import { startLsp, uriOf, type LspClient } from './lspClient.ts';
import { maybeSummarize, type Summary } from './stats.ts';

export interface LspFigures {
  command: string;
  /** The file typed in (the largest slide file). */
  file: string;
  keystrokeMs?: Summary;
  saveMs?: Summary;
  /** The server's process after the runs, and its peak. */
  rssBytes?: number;
  peakRssBytes?: number;
  cursorMs?: Summary;
  failures: string[];
}

export interface LspBenchOptions extends FigureOptions {
  browser: Browser;
}

const KEYSTROKES = 20;

async function largestFile(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md'));
  const sizes = await Promise.all(names.map(async (n) => (await stat(path.join(dir, n))).size));
  return path.join(dir, names[sizes.indexOf(Math.max(...sizes))] ?? 'none.md');
}

/** A titled line in the middle of the file: where the typing and the long list go. */
function middleHeading(lines: string[]): number {
  const at = lines.findIndex((l, i) => i > lines.length / 3 && /^##\s/.test(l));
  if (at < 0) throw new Error('no heading to type in');
  return at;
}

async function keystrokes(lsp: LspClient, file: string, source: string[], o: LspBenchOptions): Promise<number[]> {
  const at = middleHeading(source);
  const times: number[] = [];
  for (let i = 0; i < o.warmups * 5 + KEYSTROKES; i++) {
    const typed = [...source];
    typed[at] = `${source[at]}${'字'.repeat((i % 5) + 1)}`;
    const version = await lsp.change(file, typed.join('\n'));
    const sent = performance.now();
    await lsp.diagnostics(file, `the diagnostics of keystroke ${i}`, (_, p) => (p.version ?? 0) >= version, o.timeoutMs);
    const ms = performance.now() - sent;
    if (i >= o.warmups * 5) times.push(ms);
    await sleep(40); // an author's typing pace
  }
  await lsp.change(file, source.join('\n'));
  return times;
}

async function saves(lsp: LspClient, file: string, source: string[], o: LspBenchOptions): Promise<number[]> {
  const at = middleHeading(source);
  const long = Array.from({ length: 40 }, (_, i) => `- 第${i + 1}行：一句足够长的话，让这一张放不下`);
  const overflowing = [...source.slice(0, at + 1), '', ...long, '', ...source.slice(at + 1)].join('\n');
  const overflow = (d: { message: string }[]) => d.some((x) => x.message.startsWith('overflow:'));
  const times: number[] = [];
  for (let i = 0; i < (o.warmups + o.runs) * 2; i++) {
    const want = i % 2 === 0;
    const text = want ? overflowing : source.join('\n');
    await writeFile(file, text);
    await lsp.change(file, text);
    const saved = performance.now();
    await lsp.save(file);
    await lsp.diagnostics(file, `the overflow ${want ? 'said' : 'cleared'} after save ${i}`, (d) => overflow(d) === want, o.timeoutMs);
    if (i >= o.warmups * 2) times.push(performance.now() - saved);
    await sleep(300);
  }
  return times;
}

function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s*(\\d+)\\s*kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kib('VmRSS'), peak: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

async function cursorMoves(lsp: LspClient, file: string, source: string[], o: LspBenchOptions): Promise<number[]> {
  const session = await startDevSession(o.projectRoot, o.slidesDir, o.browser, o.timeoutMs);
  try {
    const headings = source.map((l, i) => (/^##\s/.test(l) ? i : -1)).filter((i) => i >= 0);
    const places = [headings[1] ?? 0, headings[headings.length - 2] ?? 0];
    const slideOf = (line: number) =>
      lsp.connection.sendRequest<SlideAt | null>(LSP_METHOD.slideAt, {
        textDocument: { uri: uriOf(file) },
        position: { line, character: 0 },
      });
    const slides = await Promise.all(places.map(slideOf));
    const times: number[] = [];
    for (let i = 0; i < o.warmups + o.runs * 2; i++) {
      const k = i % 2;
      const h = slides[k]?.h ?? 0;
      const moved = performance.now();
      await lsp.connection.sendNotification(LSP_METHOD.cursor, {
        textDocument: { uri: uriOf(file) },
        position: { line: places[k] + 1, character: 0 },
      });
      await session.page.waitForFunction(
        (want: number) => window.Reveal?.getIndices().h === want,
        { timeout: o.timeoutMs, polling: 'raf' },
        h,
      );
      if (i >= o.warmups) times.push(performance.now() - moved);
      await sleep(200);
    }
    return times;
  } finally {
    await session.close();
  }
}

export async function benchLsp(o: LspBenchOptions): Promise<LspFigures> {
  const file = await largestFile(o.slidesDir);
  const figures: LspFigures = {
    command: 'node src/cli/lsp.mjs --stdio (an LSP client on vscode-jsonrpc)',
    file: path.basename(file),
    failures: [],
  };
  const original = await readFile(file, 'utf8');
  const source = original.split('\n');
  const lsp = await startLsp({ cwd: o.projectRoot });
  const step = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      figures.failures.push(`editor ${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  };
  try {
    await lsp.open(file);
    await lsp.diagnostics(file, 'the first check', () => true, o.timeoutMs);
    await step('keystroke', async () => {
      figures.keystrokeMs = maybeSummarize(await keystrokes(lsp, file, source, o));
      for (const ms of figures.keystrokeMs?.values ?? []) o.onRun?.('editor: keystroke → diagnostics', ms);
    });
    await step('save', async () => {
      figures.saveMs = maybeSummarize(await saves(lsp, file, source, o));
      for (const ms of figures.saveMs?.values ?? []) o.onRun?.('editor: save → layout diagnostics', ms);
    });
    const memory = memoryOf(lsp.child.pid ?? 0);
    figures.rssBytes = memory?.rss;
    figures.peakRssBytes = memory?.peak;
    await step('cursor', async () => {
      figures.cursorMs = maybeSummarize(await cursorMoves(lsp, file, source, o));
      for (const ms of figures.cursorMs?.values ?? []) o.onRun?.('editor: cursor → slide shown', ms);
    });
  } finally {
    await writeFile(file, original);
    await lsp.stop();
  }
  return figures;
}
