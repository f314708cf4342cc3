// The single file, opened from file://: its policy allows no URL but data:
// and blob: (frames excepted: the speaker view shows the file itself), so an
// image, a fetch or a form aimed at the presenter's disk is blocked and
// reported; and a slide that writes an iframe of file:///etc/passwd or a
// refresh to file:///etc/ is refused at its line before a file is built.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/builder/buildDeck.ts';
import { DeckError } from '../../../src/deck/model.ts';
import { formatProblem } from '../../../src/shared/problem.ts';
import { launchBrowser, tempDir } from '../../helpers/deckPage.ts';
import { waitInPage } from '../../helpers/waitFor.ts';

let dir: string;
let browser: Browser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  dir = await tempDir('single-csp');
  const built = await buildDeck({ slidesDir: 'tests/fixtures/basic', outDir: path.join(dir, 'deck'), single: true, quiet: true });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.exposeFunction('__violation', (d: string) => violations.push(d));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __violation: (d: string) => void }).__violation(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(pathToFileURL(built.indexHtml).href, { waitUntil: 'load' });
  await waitInPage(page, 'the single file ready', () => document.documentElement.dataset.deck === 'ready', { timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the single file from file://', () => {
  it('blocks an image, a fetch and a form aimed at the disk', async () => {
    const fetched = await page.evaluate(async () => {
      const img = document.createElement('img');
      img.src = 'file:///usr/share/pixmaps/debian-logo.png';
      document.body.append(img);
      const form = document.createElement('form');
      form.action = 'file:///etc/';
      form.method = 'get';
      document.body.append(form);
      form.submit();
      try {
        await fetch('file:///etc/hostname');
        return 'fetched';
      } catch {
        return 'blocked';
      }
    });
    expect(fetched).toBe('blocked');
    await new Promise((r) => setTimeout(r, 500));
    expect(violations.some((v) => v.startsWith('img-src file'))).toBe(true);
    expect(violations.some((v) => v.startsWith('connect-src file'))).toBe(true);
    expect(violations.some((v) => v.startsWith('form-action file'))).toBe(true);
    // Still the deck: the form went nowhere.
    expect(page.url()).toMatch(/index\.html/);
  });
});

describe('a slide that leads to the disk', () => {
  for (const [name, html] of [
    ['iframe', '<iframe src="file:///etc/passwd"></iframe>'],
    ['refresh', '<meta http-equiv="refresh" content="0; url=file:///etc/">'],
  ]) {
    it(`${name}: build --single fails at its line, writing nothing`, async () => {
      const slides = path.join(dir, name);
      await mkdir(slides, { recursive: true });
      await writeFile(path.join(slides, '01-a.md'), `# One\n\n${html}\n`);
      const out = path.join(dir, `out-${name}`);
      const error = await buildDeck({ slidesDir: slides, outDir: out, single: true, quiet: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeckError);
      expect((error as DeckError).problems.map(formatProblem).join('\n')).toMatch(new RegExp(`${name}/01-a\\.md:3: error: `));
    });
  }
});
