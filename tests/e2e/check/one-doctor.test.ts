// One doctor: `check`, `export` and `dev` report the same findings for the
// same deck, from the same rules. The deck has a slide with an emoji and
// right-to-left text (glyphs the bundled font lacks: a rule that runs in
// Node) and a space between two Chinese characters (a rule of the page).
// check and export in a child process each, as a user runs them; dev as a
// real Vite dev server with the page open in Chromium, every slide shown.
import { spawnSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'puppeteer';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckViteConfig } from '../../../src/vite/config.ts';
import { launchBrowser, tempDir } from '../../helpers/deckPage.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
/** A finding as every command prints it: file:line: level: message. */
const FINDING = /^\S+\.md:\d+: (error|warning): .+$/;

let dir: string;
let slides: string;
let check: { code: number | null; out: string };

beforeAll(async () => {
  dir = await tempDir('one-doctor');
  slides = path.join(dir, 'slides');
  await cp(path.join(ROOT, 'tests/fixtures/one-doctor'), slides, { recursive: true });
  check = run(['check', '--slides', slides]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The findings in a command's output, each once, sorted; the file by its name (each command shows it from its own working directory). */
function findings(text: string): string[] {
  const found = text.split('\n').filter((l) => FINDING.test(l));
  return [...new Set(found.map((l) => l.replace(/^\S*\//, '')))].sort();
}

function run(args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** What the dev server prints while a page shows every slide of the deck in turn. */
async function devFindings(): Promise<string[]> {
  const lines: string[] = [];
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await createServer(deckViteConfig({ slidesDir: slides, port: 0, logLevel: 'silent', log: (l) => lines.push(l) }));
    await server.listen();
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(server.resolvedUrls?.local[0] ?? '', { waitUntil: 'load' });
    await waitInPage(page, 'the dev deck to be ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 60_000 });
    const count = await page.evaluate(() => window.Reveal?.getTotalSlides() ?? 0);
    for (let i = 0; i < count; i++) {
      await page.evaluate((n) => window.Reveal?.slide(n), i);
      // The doctor reports each slide it is shown once its fonts have settled (a frame later).
      await sleep(1500);
    }
    return findings(lines.join('\n'));
  } finally {
    await browser?.close();
    await server?.close();
  }
}

describe('one doctor', () => {
  it('check, export and dev report the same findings for the same deck', async () => {
    const exported = run(['export', '--slides', slides, '--out', path.join(dir, 'deck.pdf')]);
    const dev = await devFindings();

    // Something to agree on: the glyphs of the emoji and the right-to-left text, and the space.
    const checked = findings(check.out);
    expect(checked.join('\n')).toMatch(/^01-deck\.md:12: error: the bundled font has no glyph for «😀» U\+1F600, .*«ש» U\+05E9/m);
    expect(checked.join('\n')).toMatch(/^01-deck\.md:22: warning: space between two Chinese characters: «新用户 测试员»/m);
    expect(check.code, check.out).toBe(1);
    // The same, from export (which stops on the error) and from dev.
    expect(findings(exported.out), exported.out).toEqual(checked);
    expect(exported.code).toBe(1);
    expect(dev).toEqual(checked);
  }, 300_000);

  it('the space warning says what to write instead: nothing, or a full-width space', () => {
    expect(check.out).toMatch(
      /space between two Chinese characters: «新用户 测试员» \(delete it, or where a gap is meant write a full-width space, U\+3000 「\u3000」/,
    );
  });
});
