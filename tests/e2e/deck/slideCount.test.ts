// The slide count is an invariant: raw HTML left open fails build and export
// at its line (no dist, no PDF, no PPTX written); a page whose slides differ
// from the parse after its scripts ran (one removed a slide, one added to
// <body>, which prints an extra page) fails the export naming the slide, and
// the previous output stays as it was.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCommand } from '../../../src/cli/build.ts';
import { runExport } from '../../helpers/exportRun.ts';
import { tempDir } from '../../helpers/deckPage.ts';

let dir: string;

/** A deck of two files, four slides; `html` goes into slide 2 (file 1, line 9), `notes` into its notes. */
async function deck(name: string, html: string, notes = ''): Promise<string> {
  const slides = path.join(dir, name);
  await mkdir(slides, { recursive: true });
  await writeFile(
    path.join(slides, '01-a.md'),
    `---\ntitle: Count\n---\n\n# One\n\n---\n\n${html}\n\n## Two\n\ntext${notes ? `\n\nNote:\n${notes}\n` : '\n'}`,
  );
  await writeFile(path.join(slides, '02-b.md'), '# Three\n\nthree\n\n---\n\n## Four\n\nfour\n');
  return slides;
}

async function build(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const e = vi.spyOn(console, 'error').mockImplementation((...p: unknown[]) => {
    err += `${p.join(' ')}\n`;
  });
  const o = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    return { code: await buildCommand(args), err };
  } finally {
    e.mockRestore();
    o.mockRestore();
  }
}

beforeAll(async () => {
  dir = await tempDir('slide-count');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('raw HTML left open', () => {
  for (const open of [
    '<!-- forgot to close',
    '<script>',
    '<style>',
    '<title>',
    '<iframe>',
    '<template>',
    '<xmp>',
    '<plaintext>',
    '<textarea>',
  ]) {
    it(`${open}: build fails at its line and writes no dist`, async () => {
      const name = `open-${open.replace(/\W/g, '')}`;
      const slides = await deck(name, open);
      const out = path.join(dir, `dist-${name}`);
      const result = await build(['--slides', slides, '--out', out]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(new RegExp(`${name}/01-a\\.md:9: error: .*not closed`));
      expect(existsSync(out)).toBe(false);
    });
  }

  it('export fails before writing a PDF, and so does a <script> left open in the notes for the PPTX', async () => {
    const slides = await deck('open-pdf', '<title>');
    const pdf = path.join(dir, 'open.pdf');
    const run = await runExport(['--slides', slides, '--out', pdf]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/open-pdf\/01-a\.md:9: error: <title> is not closed/);
    expect(existsSync(pdf)).toBe(false);

    const notes = await deck('open-notes', '', 'say this\n\n<script>');
    const pptx = path.join(dir, 'open.pptx');
    const again = await runExport(['--slides', notes, '--out', pptx]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/open-notes\/01-a\.md:18: error: <script> is not closed in its speaker notes/);
    expect(existsSync(pptx)).toBe(false);
  }, 120_000);
});

describe('a page that differs from the parse', () => {
  it('a script that removes the next slide: the export names the lost slide and keeps the old PDF', async () => {
    const slides = await deck(
      'removes',
      "<script>{ const s = document.currentScript.closest('section'); document.addEventListener('DOMContentLoaded', () => s.nextElementSibling.remove()); }</script>",
    );
    const pdf = path.join(dir, 'removes.pdf');
    await writeFile(pdf, '%PDF-1.4\n% the previous PDF\n');
    const run = await runExport(['--slides', slides, '--out', pdf]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /removes\/02-b\.md:1: error: this slide is missing from the page \(3 of 4 slides there, 1 lost\): something on the slide before it \(.*removes\/01-a\.md:9\) swallowed it/,
    );
    expect(await readFile(pdf, 'utf8')).toBe('%PDF-1.4\n% the previous PDF\n');
  }, 120_000);

  it('a script that appends to <body>: the extra page is blamed on that slide, not "internal"', async () => {
    const slides = await deck(
      'appends',
      "<script>document.addEventListener('DOMContentLoaded', () => document.body.append(Object.assign(document.createElement('p'), { textContent: 'stray' })))</script>",
    );
    const pdf = path.join(dir, 'appends.pdf');
    const run = await runExport(['--slides', slides, '--out', pdf]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('internal');
    expect(run.stderr).toMatch(/appends\/01-a\.md:9: error: Chromium printed 5 pages for 4 slides: this slide runs a script/);
    expect(existsSync(pdf)).toBe(false);
  }, 120_000);
});
