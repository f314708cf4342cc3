// Watching survives the slides folder being removed and restored, or replaced
// by another (git checkout, some editors): `export --watch` (the command line
// in a child process) and the dev server (an open page) both pick up again
// when the folder is back, and follow the saves after that.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckViteConfig } from '../../../../src/vite/config.ts';
import { launchBrowser, tempDir } from '../../../helpers/deckPage.ts';
import { waitInPage } from '../../../helpers/waitFor.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
let dir: string;

beforeAll(async () => {
  dir = await tempDir('folder-replaced');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

/** A copy of the basic deck at `to`, its third slide's heading set to `heading`. */
async function deckAt(to: string, heading: string): Promise<void> {
  await cp('tests/fixtures/basic', to, { recursive: true });
  const body = path.join(to, '02-body.md');
  await writeFile(body, (await readFile(body, 'utf8')).replace('## 第三张幻灯片', `## ${heading}`));
}

describe('export --watch', () => {
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill('SIGTERM');
    await sleep(500);
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('picks up again after the folder is removed and restored, and after it is replaced', async () => {
    const slides = path.join(dir, 'slides');
    const out = path.join(dir, 'out.pdf');
    await deckAt(slides, '第三张幻灯片');
    child = spawn(process.execPath, [BIN, 'export', '--watch', '--slides', slides, '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let seen = 0;
    const line = async (pattern: RegExp, timeoutMs = 90_000): Promise<string> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const lines = stdout.split('\n').slice(seen);
        const at = lines.findIndex((l) => pattern.test(l));
        if (at >= 0) {
          seen += at + 1;
          return lines[at];
        }
        if (Date.now() > deadline || child?.exitCode !== null)
          throw new Error(`no line matching ${pattern}; stdout:\n${stdout}\nstderr:\n${stderr}`);
        await sleep(50);
      }
    };
    await line(/out\.pdf written — 5 pages/, 120_000);
    /** Waits until the PDF holds `text` (a restore or replace may export more than once). */
    const shows = async (text: string): Promise<void> => {
      const deadline = Date.now() + 60_000;
      while (!(existsSync(out) && pdfText(out).includes(text))) {
        if (Date.now() > deadline || child?.exitCode !== null)
          throw new Error(`the PDF never showed ${text}; stdout:\n${stdout}\nstderr:\n${stderr}`);
        await sleep(200);
      }
    };

    // Removed: said, the last good PDF kept.
    await rm(slides, { recursive: true, force: true });
    await line(/out\.pdf kept/);
    expect(stderr).toMatch(/slides folder not found/);
    expect(pdfText(out)).toContain('第三张幻灯片');
    // Restored at once, with a change: exported again.
    await deckAt(slides, '第三张（恢复之后）');
    await shows('第三张（恢复之后）');
    // A save after that is seen too.
    const body = path.join(slides, '02-body.md');
    await writeFile(body, (await readFile(body, 'utf8')).replace('第三张（恢复之后）', '第三张（再次保存）'));
    await shows('第三张（再次保存）');

    // Replaced by another folder in one rename (as git checkout or an editor may).
    const other = path.join(dir, 'slides-new');
    await deckAt(other, '第三张（换了文件夹）');
    await rename(slides, path.join(dir, 'slides-old'));
    await rename(other, slides);
    await shows('第三张（换了文件夹）');
    await writeFile(body, (await readFile(body, 'utf8')).replace('第三张（换了文件夹）', '第三张（新文件夹里保存）'));
    await shows('第三张（新文件夹里保存）');
  }, 240_000);
});

describe('dev', () => {
  let server: ViteDevServer;
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the open page follows the deck after its folder is removed and restored', async () => {
    const slides = path.join(dir, 'dev-slides');
    await deckAt(slides, '第三张幻灯片');
    server = await createServer(deckViteConfig({ slidesDir: slides, port: 0, logLevel: 'silent', log: () => {} }));
    await server.listen();
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(server.resolvedUrls?.local[0] ?? '', { waitUntil: 'load' });
    await waitInPage(page, 'the dev page ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 60_000 });
    // The page's slide titles, in order: the deck it shows, nothing lost or shown twice.
    const titles = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section[data-title]'), (s) => s.dataset.title),
      );
    const before = await titles();
    expect(before).toContain('第三张幻灯片');
    const renamed = (heading: string) => before.map((t) => (t === '第三张幻灯片' ? heading : t));

    await rm(slides, { recursive: true, force: true });
    await sleep(1500);
    await deckAt(slides, '第三张（恢复之后）');
    await expect
      .poll(titles, { message: 'the restored folder in the open page', interval: 200, timeout: 30_000 })
      .toEqual(renamed('第三张（恢复之后）'));
    const body = path.join(slides, '02-body.md');
    await writeFile(body, (await readFile(body, 'utf8')).replace('第三张（恢复之后）', '第三张（再次保存）'));
    // Saved at once: the page may still be reloading (the deck was broken); it asks for what it missed.
    await expect
      .poll(titles, { message: 'a save after the restore, in the open page', interval: 200, timeout: 30_000 })
      .toEqual(renamed('第三张（再次保存）'));
  }, 180_000);
});
