// End to end: `npm run export -- --watch` as a user runs it (the command
// line in a child process, a real Chromium). Saves to a copy of the fixture
// deck: the PDF follows each one in the same page of the same browser (a
// changed slide patched in its page; after a broken save, every slide laid
// out again); a broken save keeps the last good PDF byte for byte; a new file
// with characters the font subset lacks loads the new build. SIGTERM, and the parent's death, end the watch and
// its Chromium with it. Speed is the benchmark's business, not this test's.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInfo, processTree } from '../../../../src/bench/procTree.ts';
import { tempDir } from '../../../helpers/deckPage.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');

interface Watching {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  /** Resolves with the next stdout line (after the last one matched) that matches `pattern`. */
  waitForLine: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function watchCommand(command: string, args: string[]): Watching {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let seen = 0;
  const waitForLine = async (pattern: RegExp, timeoutMs = 60_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lines = out.split('\n').slice(seen);
      const at = lines.findIndex((l) => pattern.test(l));
      if (at >= 0) {
        seen += at + 1;
        return lines[at];
      }
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`no line matching ${pattern}; stdout:\n${out}\nstderr:\n${err}`);
      await sleep(50);
    }
  };
  return { child, out: () => out, err: () => err, waitForLine, exited };
}

/** ImageMagick's normalized cross-correlation of two images (1: the same); it exits 1 when they differ at all. */
function ncc(a: string, b: string): number {
  try {
    return Number.parseFloat(
      execFileSync('compare', ['-metric', 'NCC', a, b, 'null:'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) || '1',
    );
  } catch (error) {
    return Number.parseFloat(String((error as { stderr?: string }).stderr ?? ''));
  }
}

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
const chromiums = (pids: number[]) => pids.filter((pid) => /chrom/i.test(processInfo(pid)?.name ?? ''));
const alive = (pids: number[]) => pids.filter((pid) => processInfo(pid) !== undefined);

async function gone(pids: number[], timeoutMs = 10_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pids).length > 0 && Date.now() < deadline) await sleep(100);
  return alive(pids);
}

/** After a failure: SIGTERM (so the watch closes its Chromium), SIGKILL only if that did not end it. */
async function stop(w: Watching): Promise<void> {
  if (w.child.exitCode !== null || w.child.signalCode !== null) return;
  w.child.kill('SIGTERM');
  await Promise.race([w.exited, sleep(10_000)]);
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
}

/**
 * Saves the way many editors do: the whole new text at once (a temporary file
 * the watch ignores, renamed over the old). A file written in pieces can be
 * read half-written — the watch then exports that too and again once the
 * write ends — which would make the steps below depend on the machine's speed.
 */
async function save(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

let dir: string;
let slides: string;
let out: string;

beforeAll(async () => {
  dir = await tempDir('watch');
  slides = path.join(dir, 'slides');
  out = path.join(dir, 'out.pdf');
  await cp('tests/fixtures/basic', slides, { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export --watch', () => {
  it('rewrites the PDF on every save in the same browser page, keeps the last good one on an error, and ends with SIGTERM', async () => {
    const w = watchCommand(process.execPath, [BIN, 'export', '--watch', '--slides', slides, '--out', out]);
    try {
      expect(await w.waitForLine(/out\.pdf written — 5 pages, [\d.]+ s \(page opened; first export\)/, 120_000)).toBeTruthy();
      await w.waitForLine(/^watching .*slides\/.*Ctrl\+C to stop$/);
      expect(pdfText(out)).toContain('第三张幻灯片');
      const browsers = chromiums(processTree(w.child.pid as number));
      expect(browsers.length).toBeGreaterThan(0);

      // A save (characters the deck has already): the heading changes in the PDF, the slides swapped in place.
      const body = path.join(slides, '02-body.md');
      const original = await readFile(body, 'utf8');
      await save(body, original.replace('## 第三张幻灯片', '## 第三张（产业技术联盟）'));
      expect(await w.waitForLine(/out\.pdf written — 5 pages, [\d.]+ s \(1 slide changed in place; .*02-body\.md saved\)/)).toBeTruthy();
      expect(pdfText(out)).toContain('第三张（产业技术联盟）');
      expect(pdfText(out)).toContain('基础研究'); // the next slide's diagram, untouched
      // The patched PDF is the one a fresh export of the same slides makes.
      const fresh = path.join(dir, 'fresh.pdf');
      execFileSync(process.execPath, [BIN, 'export', '--slides', slides, '--out', fresh], { cwd: ROOT, stdio: 'ignore' });
      expect(pdfText(out)).toBe(pdfText(fresh));
      for (const [n, file] of [out, fresh].entries())
        execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '3', '-l', '3', '-singlefile', file, path.join(dir, `p3-${n}`)]);
      expect(ncc(path.join(dir, 'p3-0.png'), path.join(dir, 'p3-1.png'))).toBeGreaterThan(0.999);
      // The same Chromium processes, still running.
      expect(alive(browsers)).toEqual(browsers);

      // A broken save: file:line on stderr, the PDF left exactly as it was.
      const good = await readFile(out);
      await save(body, `${original}\n\n---\n\n\`\`\`mermaid\nflowchart LR\n  A --> B\n`);
      expect(await w.waitForLine(/out\.pdf kept: the deck has errors/)).toBeTruthy();
      expect(w.err()).toMatch(/02-body\.md:\d+: error: code fence ```mermaid is not closed/);
      expect(Buffer.compare(await readFile(out), good)).toBe(0);

      // Fixed (the page never saw the broken deck: the one slide changes back).
      await save(body, original);
      expect(await w.waitForLine(/out\.pdf written — 5 pages, [\d.]+ s \(1 slide changed in place; /)).toBeTruthy();
      expect(pdfText(out)).toContain('第三张幻灯片');

      // A slide more: every slide laid out again, in the same page.
      await save(body, `${original}\n---\n\n## 第一点\n\n第二点\n`);
      expect(await w.waitForLine(/out\.pdf written — 6 pages, [\d.]+ s \(slides swapped in place; .*02-body\.md saved\)/)).toBeTruthy();
      expect(pageCount(out)).toBe(6);

      // A save the deck doctor finds an error in (a list that overflows): said at file:line, the PDF kept.
      const six = await readFile(out);
      const list = Array.from({ length: 25 }, (_, i) => `- 第${i + 1}点`).join('\n');
      await save(body, `${original}\n---\n\n## 第一点\n\n${list}\n`);
      // (and the doctor's warning about the fixture's untitled slide)
      expect(await w.waitForLine(/out\.pdf kept: the deck has 1 error and 1 warning \(--force writes it anyway\)/)).toBeTruthy();
      expect(w.err()).toMatch(/02-body\.md:\d+: error: overflow: <ul>/);
      expect(Buffer.compare(await readFile(out), six)).toBe(0);
      await save(body, `${original}\n---\n\n## 第一点\n\n第二点\n`);
      expect(await w.waitForLine(/out\.pdf written — 6 pages, [\d.]+ s \(slides swapped in place; .*02-body\.md saved\)/)).toBeTruthy();

      // A new file with a slide in characters the font subset lacks: the page loads the new build.
      await save(path.join(slides, '03-more.md'), '## 新增的一张\n\n新的内容\n');
      expect(await w.waitForLine(/out\.pdf written — 7 pages, [\d.]+ s \(page reloaded; .*03-more\.md saved\)/)).toBeTruthy();
      expect(pageCount(out)).toBe(7);
      expect(pdfText(out)).toContain('新增的一张');
      expect(pdfText(out)).toContain('第三张幻灯片');
      expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).not.toMatch(/Type 3|DejaVu|Liberation/);

      const tree = processTree(w.child.pid as number);
      w.child.kill('SIGTERM');
      const { code, signal } = await w.exited;
      expect(code === 143 || signal === 'SIGTERM' || code === 130).toBe(true);
      expect(await gone(tree)).toEqual([]);
      expect(w.err()).toMatch(/export --watch: stopped \(interrupted\); .*out\.pdf is the last good export/);
    } finally {
      await stop(w);
    }
  }, 180_000);

  it('--handout 3: the handout follows the saves too', async () => {
    // A fresh copy of the five-slide deck: two A4 pages.
    const own = path.join(dir, 'handout-slides');
    await cp('tests/fixtures/basic', own, { recursive: true });
    const handout = path.join(dir, 'handout.pdf');
    const w = watchCommand(process.execPath, [BIN, 'export', '--watch', '--handout', '3', '--slides', own, '--out', handout]);
    try {
      await w.waitForLine(/handout\.pdf written — 2 pages, [\d.]+ s \(page opened; first export\)/, 120_000);
      const body = path.join(own, '02-body.md');
      const original = await readFile(body, 'utf8');
      await save(body, original.replace('## 流程图', '## 流程图（产业技术）'));
      await w.waitForLine(/handout\.pdf written — 2 pages, [\d.]+ s \(1 slide changed in place; .*02-body\.md saved\)/);
      const text = pdfText(handout).replace(/\s+/g, '');
      expect(text).toContain('流程图（产业技术）');
      expect(text).toContain('第2页/共2页');
      expect(execFileSync('pdfinfo', [handout], { encoding: 'utf8' })).toMatch(/\(A4\)/);
    } finally {
      await stop(w);
    }
  }, 180_000);

  it('ends, Chromium included, when its parent dies', async () => {
    // A parent that starts the watch and is then killed outright (as npm could be).
    const script = `const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, ${JSON.stringify([BIN, 'export', '--watch', '--slides', slides, '--out', path.join(dir, 'orphan.pdf')])}, { stdio: 'inherit' });
      setInterval(() => {}, 1000);`;
    const parent = watchCommand(process.execPath, ['-e', script]);
    try {
      await parent.waitForLine(/^watching /, 120_000);
      const tree = processTree(parent.child.pid as number).filter((pid) => pid !== parent.child.pid);
      expect(chromiums(tree).length).toBeGreaterThan(0);
      parent.child.kill('SIGKILL');
      await parent.exited;
      expect(await gone(tree)).toEqual([]);
    } finally {
      await stop(parent);
    }
  }, 180_000);
});
