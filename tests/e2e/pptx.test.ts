// The talk as an editable PowerPoint, read by a real client: LibreOffice
// Impress converts the exported .pptx to PDF, and that PDF is held to the
// talk (one page per slide, every line of the talk in its text) and to the
// PDF export (each page looks like the PDF's, by ImageMagick's NCC). The
// package itself is read with JSZip: well-formed, content types and
// relationships resolve, notes where the slides have notes, real text (no
// slide is a picture), zh-CN and an East Asian font on every run, one section
// per part, the document properties.
//
// Fonts: this machine has no Chinese font, and the PowerPoint names the one a
// receiver's Windows has (Microsoft YaHei). For LibreOffice the test stands the
// deck's own Noto Sans SC (from node_modules) in for it, through a fontconfig
// file of its own (FONTCONFIG_FILE): the way a receiver's PC supplies a
// Chinese sans, with the same glyphs as the PDF, so the pages can be compared.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck/loadDeck.ts';
import type { Deck } from '../../src/deck/model.ts';
import { exportCommand } from '../../src/export/command.ts';
import { TYPEFACE } from '../../src/export/pptx/writePptx.ts';
import { missingLines, normal } from '../helpers/talkText.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FONT_DIR = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc');

/**
 * Smallest NCC accepted between a LibreOffice page and the PDF's page, both
 * rendered at 24 dpi (320×180), grey, blurred by 3 px so that a line set a
 * few pixels apart or wrapped one character differently still matches. The
 * talk's pages measured 0.90–1.00 (median 0.98); the lowest are slides whose
 * text LibreOffice spaces wider (it adds room between Chinese and Latin
 * letters, PowerPoint does not). A page with its text or diagram missing, or
 * another slide, measures well below: against the next slide's PDF page, 50
 * of 53 pages scored under 0.8 (the rest are near-twins: a table continued,
 * the outline shown again).
 */
const MIN_NCC = 0.8;

let dir: string;
let deck: Deck;
let zip: JSZip;
let loPdf: string;
let pdf: string;
let loPages: number;

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

/** A fontconfig setup for soffice: the system's, plus the deck's font standing in for Microsoft YaHei. */
async function fontConfig(into: string): Promise<string> {
  const file = path.join(into, 'fonts.conf');
  await writeFile(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${FONT_DIR}/400Regular</dir>
  <dir>${FONT_DIR}/700Bold</dir>
  <cachedir>${path.join(into, 'cache')}</cachedir>
  <alias binding="same"><family>${TYPEFACE}</family><prefer><family>Noto Sans SC</family></prefer></alias>
</fontconfig>
`,
  );
  return file;
}

/** NCC of two pictures after the same grey + blur (ImageMagick prints it on stderr). */
function ncc(a: string, b: string): number {
  try {
    execFileSync('compare', ['-metric', 'NCC', a, b, 'null:'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return 1;
  } catch (error) {
    const out = String((error as { stderr?: string }).stderr ?? '');
    const value = Number.parseFloat(out);
    if (Number.isNaN(value)) throw error;
    return value;
  }
}

async function pagePictures(file: string, prefix: string): Promise<string[]> {
  execFileSync('pdftoppm', ['-r', '24', '-gray', '-png', file, prefix]);
  const folder = path.dirname(prefix);
  const names = (await readdir(folder)).filter((n) => n.startsWith(path.basename(prefix)) && n.endsWith('.png')).sort();
  for (const n of names) execFileSync('convert', [path.join(folder, n), '-blur', '0x3', path.join(folder, n)]);
  return names.map((n) => path.join(folder, n));
}

async function xml(name: string): Promise<string> {
  const entry = zip.file(name);
  if (!entry) throw new Error(`${name} is not in the package`);
  return entry.async('string');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-pptx-'));
  deck = (await loadDeck('slides')).deck;
  const file = path.join(dir, 'talk.pptx');
  pdf = path.join(dir, 'talk.pdf');
  expect(await exportCommand(['--slides', 'slides', '--out', file])).toBe(0);
  expect(await exportCommand(['--slides', 'slides', '--out', pdf])).toBe(0);
  zip = await JSZip.loadAsync(await readFile(file));
  // LibreOffice, with a profile and fonts of its own (no clash with a running soffice).
  const lo = path.join(dir, 'lo');
  await mkdir(lo);
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', lo, file], {
    env: { ...process.env, FONTCONFIG_FILE: await fontConfig(dir) },
    stdio: 'ignore',
    timeout: 170_000,
  });
  loPdf = path.join(lo, 'talk.pdf');
  loPages = existsSync(loPdf) ? pageCount(loPdf) : 0;
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the talk as PowerPoint, opened by LibreOffice Impress', () => {
  it('has one page per slide', () => {
    expect(deck.slides.length).toBeGreaterThanOrEqual(50);
    expect(loPages).toBe(deck.slides.length);
  });

  it('contains every line of the talk as text (diagram labels as SVG text)', async () => {
    // -raw: in reading order; the layout mode moves text after a wide space into a column of its own.
    const text = normal(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', loPdf, '-'], { encoding: 'utf8' }));
    // LibreOffice 7.4 draws an SVG picture's PNG fallback: a diagram's labels are in the SVG's <text>.
    let svgText = '';
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && n.endsWith('.svg'))) {
      svgText += [...(await xml(name)).matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
    }
    const missing = missingLines(text);
    expect(missing.filter((line) => !normal(svgText).includes(normal(line)))).toEqual([]);
    // Most of the talk is slide text, not diagram labels.
    expect(missing.length).toBeLessThan(20);
  });

  it('looks like the PDF export, page by page', async () => {
    const pictures = path.join(dir, 'pictures');
    await mkdir(pictures);
    const ours = await pagePictures(loPdf, path.join(pictures, 'pptx'));
    const theirs = await pagePictures(pdf, path.join(pictures, 'pdf'));
    expect(ours.length).toBe(theirs.length);
    const scores = ours.map((p, i) => ({ slide: i + 1, ncc: ncc(p, theirs[i]) }));
    expect(scores.filter((s) => s.ncc < MIN_NCC)).toEqual([]);
    // The measure tells slides apart: against the next slide's PDF page nearly all pages fall below it.
    const shifted = ours.slice(0, -1).map((p, i) => ncc(p, theirs[i + 1]));
    expect(shifted.filter((v) => v < MIN_NCC).length).toBeGreaterThan(shifted.length * 0.85);
  });
});

describe('the PowerPoint package', () => {
  it('is well formed: every part has a content type, every relationship a target', async () => {
    const types = await xml('[Content_Types].xml');
    const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
    const overrides = [...types.matchAll(/<Override PartName="([^"]+)"/g)].map((m) => m[1].slice(1));
    const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    for (const o of overrides) expect(parts, `content type for a missing part ${o}`).toContain(o);
    for (const part of parts) {
      const typed = overrides.includes(part) || defaults.has(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
      expect(typed, `no content type for ${part}`).toBe(true);
    }
    const broken: string[] = [];
    for (const rels of parts.filter((p) => p.endsWith('.rels'))) {
      const base = path.posix.dirname(path.posix.dirname(rels));
      for (const m of (await xml(rels)).matchAll(/<Relationship\b[^>]*>/g)) {
        if (/TargetMode="External"/.test(m[0])) continue;
        const target = /Target="([^"]+)"/.exec(m[0])?.[1] ?? '';
        const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(base, target));
        if (!parts.includes(resolved)) broken.push(`${rels}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
    // Paragraphs as the schema has them: closed, and one set of properties each, first.
    for (const part of parts.filter((p) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(p))) {
      const text = await xml(part);
      expect(text.match(/<a:p>/g)?.length ?? 0, part).toBe(text.match(/<\/a:p>/g)?.length ?? 0);
      for (const p of text.match(/<a:p>.*?<\/a:p>/gs) ?? []) expect(p.match(/<a:pPr\b/g)?.length ?? 0, part).toBeLessThanOrEqual(1);
    }
  });

  it('has the speaker notes in the notes pane of the slides that have them', async () => {
    const missing: number[] = [];
    let withNotes = 0;
    for (const [i, slide] of deck.slides.entries()) {
      if (slide.notes.trim() === '') continue;
      withNotes++;
      const rels = await xml(`ppt/slides/_rels/slide${i + 1}.xml.rels`);
      const target = /Target="\.\.\/notesSlides\/([^"]+)"/.exec(rels)?.[1];
      const notes = target ? await xml(`ppt/notesSlides/${target}`) : '';
      const text = [...notes.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
      const first = slide.notes.replace(/<[^>]+>/g, '').trim().slice(0, 8);
      if (!normal(text).includes(normal(first))) missing.push(i + 1);
    }
    expect(withNotes).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('is text and shapes, not pictures of slides', async () => {
    const pictureSlides: number[] = [];
    for (let i = 1; i <= deck.slides.length; i++) {
      const slide = await xml(`ppt/slides/slide${i}.xml`);
      const texts = slide.match(/<a:t>[^<]*\S[^<]*<\/a:t>/g)?.length ?? 0;
      const big = [...slide.matchAll(/<p:pic>.*?<a:ext cx="(\d+)" cy="(\d+)"/gs)].some((m) => Number(m[1]) * Number(m[2]) > 0.9 * 12192000 * 6858000);
      if (texts < 2 || big) pictureSlides.push(i);
    }
    expect(pictureSlides).toEqual([]);
  });

  it('marks every run Chinese, with an East Asian font', async () => {
    const slide = await xml('ppt/slides/slide5.xml');
    const runs = slide.match(/<a:rPr\b[^>]*>(?:(?!<\/a:rPr>).)*<\/a:rPr>|<a:rPr\b[^>]*\/>/gs) ?? [];
    expect(runs.length).toBeGreaterThan(3);
    for (const run of runs) {
      expect(run).toContain('lang="zh-CN"');
      expect(run).toContain(`<a:ea typeface="${TYPEFACE}"`);
    }
    expect(slide).not.toMatch(/<a:normAutofit|<a:spAutoFit/);
    expect(await xml('ppt/theme/theme1.xml')).toContain(`<a:ea typeface="${TYPEFACE}"/>`);
  });

  it('has one section per part, and the document properties', async () => {
    const presentation = await xml('ppt/presentation.xml');
    const sections = [...presentation.matchAll(/<p14:section name="([^"]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(deck.parts.map((p) => p.title));
    const core = await xml('docProps/core.xml');
    expect(core).toContain(`<dc:title>${deck.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${deck.meta.author}</dc:creator>`);
    expect(core).toContain('<cp:keywords>');
    for (const k of deck.meta.keywords ?? []) expect(core).toContain(k);
  });

  it('keeps diagrams as SVG pictures with a PNG fallback, their labels as SVG text', async () => {
    const svgs = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && n.endsWith('.svg'));
    // Diagrams have labels; the cards' icons (also SVG pictures) are drawings only.
    const labelled: string[] = [];
    for (const name of svgs) {
      const svg = await xml(name);
      expect(svg, name).not.toContain('<foreignObject');
      // Alone in the file, currentColor would draw black: the page's colour is written instead.
      expect(svg, name).not.toContain('currentColor');
      if (/<text\b/.test(svg)) labelled.push(name);
    }
    expect(labelled.length).toBeGreaterThanOrEqual(deck.slides.filter((s) => s.diagrams.length > 0).length);
    // The PNG beside each SVG is a real picture (pptxgenjs leaves a tiny placeholder under Node).
    for (const name of svgs) {
      const png = zip.file(name.replace(/\.svg$/, '.png')) ?? zip.file(name.replace(/-(\d+)\.svg$/, (_, n: string) => `-${Number(n) - 1}.png`));
      expect(png, `PNG beside ${name}`).toBeTruthy();
      expect((await png!.async('uint8array')).length, name).toBeGreaterThan(labelled.includes(name) ? 2000 : 100);
    }
  });
});
