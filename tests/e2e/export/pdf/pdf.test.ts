// End to end: `npm run export` on the fixture decks with a real Chromium, the
// PDF read back with poppler-utils and pdf-lib: pages, size, text, fonts,
// bookmarks, links, metadata; --fragments, --notes, --range; deck errors,
// a timeout naming the slide, a missing browser, and a killed export.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../helpers/exportRun.ts';
import { ExportTimeoutError } from '../../../../src/export/errors.ts';
import type { RenderOptions } from '../../../../src/export/contract.ts';
import { renderPdf } from '../../../../src/export/pdf/renderPdf.ts';
import { Progress } from '../../../../src/export/progress.ts';
import { parseRange, selectSlides } from '../../../../src/export/range.ts';
import { readInfo, readLinks, readOutline } from '../../../../src/export/pdf/inspect.ts';
import { openForPrint } from '../../../../src/export/print/printPage.ts';
import { buildAndServe, launchBrowser, type Served } from '../../../helpers/deckPage.ts';

const BASIC = 'tests/fixtures/basic';
const META = 'tests/fixtures/export-meta';
const ROOT = path.resolve(import.meta.dirname, '../../../..');

interface Exported {
  code: number;
  file: string;
  doc: PDFDocument;
  stdout: string;
  stderr: string;
}

let dir: string;
const runs: Record<string, Exported> = {};

const run = runExport;

async function load(file: string): Promise<PDFDocument> {
  return PDFDocument.load(await readFile(file), { updateMetadata: false });
}

/** A real `npm run export`, in-process. */
async function exportTo(name: string, slides: string, args: string[] = []): Promise<Exported> {
  const file = path.join(dir, `${name}.pdf`);
  const result = await run(['--slides', slides, '--out', file, ...args]);
  if (result.code !== 0) throw new Error(`export ${name} failed (${result.code}):\n${result.stderr}`);
  return { ...result, file, doc: await load(file) };
}

const quiet = new Progress({ stream: new Writable({ write: (_c, _e, done) => done() }) as unknown as NodeJS.WriteStream, tty: false });

/** The same print and post-processing on an already built deck (one build per fixture keeps this file fast). */
async function renderTo(name: string, served: Served, options: Partial<RenderOptions>): Promise<Exported> {
  const file = path.join(dir, `${name}.pdf`);
  const { pdf } = await renderPdf(
    { browser, url: `${served.url}index.html`, deck: served.build.deck },
    { notes: false, fragments: false, selected: null, timeoutMs: 60_000, ...options },
    quiet,
  );
  await writeFile(file, pdf);
  return { code: 0, stdout: '', stderr: '', file, doc: await load(file) };
}

const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const pageText = (file: string, page: number) => poppler('pdftotext', '-f', String(page), '-l', String(page), file, '-');
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', file))?.[1]);

let browser: Browser;
let basic: Served;
let meta: Served;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-export-test-'));
  runs.basic = await exportTo('basic', BASIC);
  [browser, basic, meta] = await Promise.all([launchBrowser(), buildAndServe(BASIC), buildAndServe(META)]);
  runs.fragments = await renderTo('fragments', basic, { fragments: true });
  runs.notes = await renderTo('notes', basic, { notes: true });
  runs.range = await renderTo('range', basic, { selected: selectSlides(parseRange('3-4,1'), 5) });
  runs.meta = await renderTo('meta', meta, { notes: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([basic?.close(), meta?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('the PDF of the fixture deck', () => {
  it('has one 960×540 pt (1280×720 px) page per slide', () => {
    const { file, doc } = runs.basic;
    expect(pageCount(file)).toBe(5);
    expect(doc.getPageCount()).toBe(5);
    const sizes = poppler('pdfinfo', '-f', '1', '-l', '5', file).match(/^Page\s+\d+ size:.*$/gm) ?? [];
    expect(sizes).toHaveLength(5);
    for (const line of sizes) expect(line).toMatch(/size:\s+960 x 540 pts/);
  });

  it('holds the slides’ text in order, Chinese without inserted spaces, all fragments shown', () => {
    const text = pageText(runs.basic.file, 3);
    expect(text).toContain('第三张幻灯片');
    expect(text).toContain('产业技术联盟：是指一个产业中互相分工的组织形式。');
    expect(text.indexOf('第一点')).toBeGreaterThan(text.indexOf('产业技术联盟'));
    expect(text.indexOf('第二点')).toBeGreaterThan(text.indexOf('第一点'));
    expect(pageText(runs.basic.file, 1)).toContain('测试幻灯片');
  });

  it('draws the Mermaid diagram with its labels as text', () => {
    const text = pageText(runs.basic.file, 4);
    for (const label of ['基础研究', '应用研究', '试验发展']) expect(text).toContain(label);
  });

  it('embeds the bundled font as TrueType, with no Type 3 font', () => {
    const fonts = poppler('pdffonts', runs.basic.file);
    expect(fonts).toMatch(/NotoSansSC/);
    expect(fonts).not.toMatch(/Type 3/);
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/CID TrueType.*\byes\s+yes\s+yes\b/);
  });

  it('has bookmarks: a part each, a child per slide title, on the right pages', () => {
    expect(readOutline(runs.basic.doc)).toEqual([
      {
        title: '测试幻灯片',
        page: 0,
        children: [
          { title: '测试幻灯片', page: 0, children: [] },
          { title: '提纲', page: 1, children: [] },
        ],
      },
      {
        title: '一、正文部分',
        page: 2,
        children: [
          { title: '第三张幻灯片', page: 2, children: [] },
          { title: '流程图', page: 3, children: [] },
        ],
      },
    ]);
  });

  it('keeps the outline slide’s link to its part clickable', () => {
    expect(readLinks(runs.basic.doc)).toEqual([{ page: 1, target: 2 }]);
  });

  it('carries the metadata of the front matter', () => {
    expect(readInfo(runs.basic.doc)).toMatchObject({
      title: '测试幻灯片',
      author: '测试者',
      subject: '夹具',
      creator: 'iur-deck',
      lang: 'zh-CN',
      pageMode: 'UseOutlines',
    });
    expect(readInfo(runs.basic.doc).producer).toMatch(/^iur-deck /);
    const info = poppler('pdfinfo', runs.basic.file);
    expect(info).toMatch(/^Title:\s+测试幻灯片$/m);
    expect(info).toMatch(/^Creator:\s+iur-deck$/m);
  });

  it('reports progress as plain lines and a summary with path, pages, size and time', () => {
    const lines = runs.basic.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^building /);
    expect(lines).toContain('slides rendered 5/5');
    expect(lines.at(-1)).toMatch(/^PDF written: .*basic\.pdf — 5 pages, [\d.]+ KB, [\d.]+ s$/);
    expect(runs.basic.stdout).not.toContain('\r');
  });
});

describe('options', () => {
  it('--fragments: one page per fragment step', () => {
    const { file, doc } = runs.fragments;
    expect(pageCount(file)).toBe(7); // slide 3 has 2 fragments: 3 pages
    expect(pageText(file, 3)).not.toContain('第一点');
    expect(pageText(file, 4)).toContain('第一点');
    expect(pageText(file, 4)).not.toContain('第二点');
    expect(pageText(file, 5)).toContain('第二点');
    expect(readOutline(doc)[1]).toEqual({
      title: '一、正文部分',
      page: 2,
      children: [
        { title: '第三张幻灯片', page: 2, children: [] },
        { title: '流程图', page: 5, children: [] },
      ],
    });
  });

  it('--notes: a notes page after each slide that has notes, in the deck font', () => {
    const { file, doc } = runs.notes;
    expect(pageCount(file)).toBe(7); // slides 2 and 3 have notes
    expect(pageText(file, 3)).toContain('提纲的备注');
    expect(pageText(file, 3)).toContain('2 · 提纲 · 备注');
    expect(pageText(file, 5)).toContain('第三张的备注');
    expect(pageText(file, 4)).toContain('第三张幻灯片');
    expect(readOutline(doc)[1].children.map((c) => c.page)).toEqual([3, 5]);
    expect(poppler('pdffonts', file)).not.toMatch(/Type 3|Liberation|DejaVu/);
  });

  it('--range: only those slides, bookmarks and links following', () => {
    const { file, doc } = runs.range; // 3-4,1
    expect(pageCount(file)).toBe(3);
    expect(pageText(file, 1)).toContain('测试幻灯片');
    expect(pageText(file, 2)).toContain('第三张幻灯片');
    expect(pageText(file, 3)).toContain('基础研究');
    expect(readOutline(doc)).toEqual([
      { title: '测试幻灯片', page: 0, children: [{ title: '测试幻灯片', page: 0, children: [] }] },
      {
        title: '一、正文部分',
        page: 1,
        children: [
          { title: '第三张幻灯片', page: 1, children: [] },
          { title: '流程图', page: 2, children: [] },
        ],
      },
    ]);
  });
});

describe('the PDF of a deck with links, keywords, a vertical slide and long notes', () => {
  it('has keywords and subject', () => {
    expect(readInfo(runs.meta.doc)).toMatchObject({
      title: '导出测试',
      author: '导出者',
      subject: '导出的主题',
      keywords: '产学研 合作 导出',
    });
  });

  it('keeps internal links (also to and from a vertical slide) and external ones', () => {
    // Pages: 1 cover, 2 links, 3 long notes, 4 its notes, 5 part two, 6 vertical, 7 untitled.
    expect(pageCount(runs.meta.file)).toBe(7);
    expect(readLinks(runs.meta.doc)).toEqual([
      { page: 1, target: 4 },
      { page: 1, target: -1, uri: 'https://example.org/iur' },
      { page: 5, target: 1 },
    ]);
  });

  it('fits long notes on one page', () => {
    expect(pageText(runs.meta.file, 4)).toContain('需要缩小字号');
    expect(pageText(runs.meta.file, 5)).toContain('第二部分首页');
  });

  it('bookmarks a vertical slide and skips an untitled one', () => {
    expect(readOutline(runs.meta.doc)[1]).toEqual({
      title: '二、第二部分',
      page: 4,
      children: [
        { title: '第二部分首页', page: 4, children: [] },
        { title: '竖向子页', page: 5, children: [] },
      ],
    });
  });
});

describe('diagrams drawn by an earlier export', () => {
  const diagramLine = (stdout: string) => /diagrams: (\d+) of (\d+) as drawn by an earlier export/.exec(stdout)?.slice(1).map(Number);
  const pagePng = (file: string, page: number) => {
    const prefix = path.join(path.dirname(file), `${path.basename(file, '.pdf')}-p${page}`);
    poppler('pdftoppm', '-f', String(page), '-l', String(page), '-r', '50', '-png', '-singlefile', file, prefix);
    return readFileSync(`${prefix}.png`);
  };

  it('are reused only for the same source, and look the same as when drawn', async () => {
    const slides = await mkdtemp(path.join(dir, 'reuse-'));
    await cp(BASIC, slides, { recursive: true });
    const body = path.join(slides, '02-body.md');
    const original = await readFile(body, 'utf8');
    // A source no earlier run has drawn: a Mermaid comment with a fresh token.
    const token = `%% ${path.basename(slides)}`;
    await writeFile(body, original.replace('flowchart LR\n', `flowchart LR\n  ${token}\n`));

    const drawn = await exportTo('reuse-1', slides, ['--verbose']);
    expect(diagramLine(drawn.stdout)).toEqual([0, 1]);
    const reused = await exportTo('reuse-2', slides, ['--verbose']);
    expect(diagramLine(reused.stdout)).toEqual([1, 1]);
    expect(pageText(reused.file, 4)).toBe(pageText(drawn.file, 4));
    expect(Buffer.compare(pagePng(reused.file, 4), pagePng(drawn.file, 4))).toBe(0);

    // A changed label is drawn afresh, never taken from the remembered SVG.
    await writeFile(body, original.replace('flowchart LR\n', `flowchart LR\n  ${token}\n`).replace('C["试验发展"]', 'C["第三张"]'));
    const changed = await exportTo('reuse-3', slides, ['--verbose']);
    expect(diagramLine(changed.stdout)).toEqual([0, 1]);
    const text = pageText(changed.file, 4);
    expect(text).toContain('第三张');
    expect(text).not.toContain('试验发展');
  });
});

describe('failures', () => {
  it('a deck error: file:line messages, exit 1, no PDF', async () => {
    const file = path.join(dir, 'bad.pdf');
    const { code, stderr } = await run(['--slides', 'tests/fixtures/export-bad', '--out', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('tests/fixtures/export-bad/01-deck.md:11: error: unknown layout "no-such-layout"');
    expect(stderr).not.toMatch(/\n\s+at /);
    await expect(readFile(file)).rejects.toThrow();
  });

  it('a diagram that does not parse: its file:line, exit 1', async () => {
    const { code, stderr } = await run(['--slides', 'tests/fixtures/bad-mermaid', '--out', path.join(dir, 'bad-mermaid.pdf')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/tests\/fixtures\/bad-mermaid\/01-deck\.md:\d+: error: .*[Mm]ermaid/);
  });

  describe('a slide that never gets ready', () => {
    let own: Browser;
    beforeAll(async () => {
      own = await launchBrowser();
    });
    afterAll(async () => {
      await own?.close();
    });

    it('stops at the timeout and names the slide and diagram', async () => {
      const [page] = await own.pages();
      await page.setRequestInterception(true);
      // Mermaid never arrives: the diagram is never drawn.
      page.on('request', (r) => {
        if (!/mermaid/.test(r.url())) void r.continue();
      });
      const started = Date.now();
      const error = await openForPrint(own, { url: `${basic.url}index.html`, fragments: false, timeoutMs: 4000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExportTimeoutError);
      expect((error as Error).message).toMatch(/timed out after 4 s/);
      expect((error as Error).message).toContain('tests/fixtures/basic/02-body.md:21: error: Mermaid diagram not drawn (slide at line 19)');
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  });
});

/** Pids of every process below `pid` (Linux /proc), to clean up after SIGKILL. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = [];
  const visit = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      visit(c);
    }
  };
  visit(pid);
  return out;
}

/** Spawns the CLI; resolves with its exit code and output. `killOn`: SIGKILL when a stdout line matches. */
function cli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; killOn?: RegExp } = {},
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/bin.mjs', 'export', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (options.killOn && !killed && options.killOn.test(stdout)) {
        killed = true;
        const below = descendants(child.pid as number);
        child.kill('SIGKILL');
        for (const pid of below) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('the command line', () => {
  it('without a browser: one message saying how to get one, exit 2, no stack trace', async () => {
    const { code, stdout, stderr } = await cli(['--slides', BASIC, '--out', path.join(dir, 'none.pdf')], {
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent' },
    });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'export: No Chrome or Chromium found. Install one (Debian/Ubuntu: apt-get install -y chromium; or Google Chrome), or point PUPPETEER_EXECUTABLE_PATH at its executable.',
    );
    expect(stdout).toBe('');
  });

  for (const moment of [/^building /m, /^printing /m]) {
    it(`killed mid-way (${moment.source}), it leaves the previous FILE byte-identical`, async () => {
      const sub = await mkdtemp(path.join(dir, 'kill-'));
      const file = path.join(sub, 'deck.pdf');
      const before = await readFile(runs.basic.file);
      await writeFile(file, before);
      // Its own TMPDIR: SIGKILL leaves the temporary build folder behind.
      const tmp = await mkdtemp(path.join(dir, 'tmp-'));
      const { signal, stdout } = await cli(['--slides', BASIC, '--out', file], { killOn: moment, env: { TMPDIR: tmp } });
      expect(signal).toBe('SIGKILL');
      expect(stdout).toMatch(moment);
      expect(Buffer.compare(await readFile(file), before)).toBe(0);
      expect(await readdir(sub)).toEqual(['deck.pdf']);
    });
  }
});
