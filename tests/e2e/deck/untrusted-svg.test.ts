// An SVG picture brought in from elsewhere (tests/fixtures/pictures-untrusted:
// a <script>, onload and onclick handlers, an external image, a file: link, an
// XXE entity, a CSS @import) is cleaned before it is built or exported: the
// doctor names what was removed at the picture's file:line (a warning), the
// copy in dist/ (and inlined in the single file, and served by the dev
// server) is the cleaned one and still draws the picture, the PDF and the
// PowerPoint file carry none of it, and the source file is never rewritten.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckViteConfig } from '../../../src/vite/config.ts';

const DECK = 'tests/fixtures/pictures-untrusted';
const SOURCE = path.join(DECK, 'images/untrusted.svg');
const BAD = ['<script', 'onload', 'onclick', 'evil.example', 'file:', '/etc/passwd', 'ENTITY', 'DOCTYPE', '@import', 'pwned'];

let out: string;
let sourceHash: string;
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const cli = (...args: string[]) => spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], { encoding: 'utf8', timeout: 180_000 });

beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'iur-untrusted-'));
  sourceHash = hash(SOURCE);
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

const noneOfTheBad = (text: string, where: string) => BAD.forEach((b) => expect(text, `${b} in ${where}`).not.toContain(b));

describe('an untrusted SVG picture', () => {
  it('the doctor names what was removed, at the picture’s line (a warning)', () => {
    const run = cli('check', '--slides', DECK);
    const line = `${run.stdout}${run.stderr}`.split('\n').find((l) => l.includes('untrusted.svg')) ?? '';
    expect(line).toMatch(/^tests\/fixtures\/pictures-untrusted\/01-pictures\.md:8: warning: picture images\/untrusted\.svg: removed /);
    for (const what of [
      "the DOCTYPE's entity declarations (xxe)",
      '<script>',
      'the event handler onload',
      'the event handler onclick',
      'an external reference (https://evil.example/tracker.png)',
      'a file: link (file:///etc/passwd)',
      'a CSS @import',
    ])
      expect(line).toContain(what);
    expect(run.status, run.stderr).toBe(0);
  });

  it('dist/ holds the cleaned copy, which still draws the picture', () => {
    const dist = path.join(out, 'dist');
    const run = cli('build', '--slides', DECK, '--out', dist);
    expect(run.status, run.stderr).toBe(0);
    const svgs = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('untrusted.svg'));
    expect(svgs).toHaveLength(1);
    const svg = readFileSync(path.join(dist, 'assets', svgs[0]), 'utf8');
    noneOfTheBad(svg, 'dist/');
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
    for (const kept of ['fill="url(#sky)"', '<use href="#sun"', 'stop-color="#1f5fa8"', '图表</text>', 'circle { stroke: #ffffff; }'])
      expect(svg).toContain(kept);
    expect(hash(SOURCE)).toBe(sourceHash);
  });

  it('the single file inlines the cleaned copy', () => {
    const single = path.join(out, 'single');
    const run = cli('build', '--single', '--slides', DECK, '--out', single);
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(path.join(single, 'index.html'), 'utf8');
    const data = /src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)?.[1] ?? '';
    const svg = Buffer.from(data, 'base64').toString('utf8');
    expect(svg).toContain('<svg ');
    noneOfTheBad(svg, 'the single file');
  });

  it('the PDF draws the picture and carries none of what was removed', async () => {
    const pdf = path.join(out, 'deck.pdf');
    const run = cli('export', '--slides', DECK, '--out', pdf);
    expect(run.status, run.stderr).toBe(0);
    const doc = await PDFDocument.load(readFileSync(pdf));
    let text = readFileSync(pdf).toString('latin1');
    for (const [, object] of doc.context.enumerateIndirectObjects())
      if (object instanceof PDFRawStream) text += Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
    for (const bad of ['evil.example', '/etc/passwd', 'file:', '<script']) expect(text, bad).not.toContain(bad);
    // The picture is drawn: the sky's blue is on the page.
    spawnSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', pdf, path.join(out, 'page')]);
    const png = PNG.sync.read(readFileSync(path.join(out, readdirSync(out).find((f) => /^page.*\.png$/.test(f)) ?? 'none')));
    let blue = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 90 && png.data[i + 2] > 150 && png.data[i + 1] > 80) blue++;
    expect(blue, 'pixels of the sky gradient').toBeGreaterThan(500);
  });

  it('the PowerPoint file carries none of it either', () => {
    const pptx = path.join(out, 'deck.pptx');
    const run = cli('export', '--slides', DECK, '--out', pptx);
    expect(run.status, run.stderr).toBe(0);
    const list = spawnSync('unzip', ['-Z1', pptx], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    expect(list.some((f) => f.startsWith('ppt/media/'))).toBe(true);
    for (const part of list.filter((f) => /\.(xml|rels|svg)$/.test(f))) {
      const text = spawnSync('unzip', ['-p', pptx, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
      for (const bad of ['evil.example', '/etc/passwd', '<script', 'onload']) expect(text, `${bad} in ${part}`).not.toContain(bad);
    }
    expect(hash(SOURCE)).toBe(sourceHash);
  });

  it('the dev server serves the cleaned copy too', async () => {
    const server = await createServer(deckViteConfig({ slidesDir: DECK, port: 0, logLevel: 'silent', log: () => {} }));
    try {
      await server.listen();
      const address = server.httpServer?.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const page = await (await fetch(`http://localhost:${port}/`)).text();
      const src = /<img [^>]*src="(\/@fs\/[^"]+untrusted\.svg)"/.exec(page)?.[1];
      expect(src, 'the picture in the dev page').toBeDefined();
      const answer = await fetch(`http://localhost:${port}${src}`);
      expect(answer.headers.get('content-type')).toBe('image/svg+xml');
      const svg = await answer.text();
      expect(svg).toContain('fill="url(#sky)"');
      noneOfTheBad(svg, 'the dev server');
    } finally {
      await server.close();
    }
  });
});
