// The talk as an editable PowerPoint, read by a real client: LibreOffice
// Impress converts the exported .pptx to PDF, and that PDF is held to the
// talk (one page per slide, every line of the talk in its text) and to the
// PDF export (each page looks like the PDF's, by ImageMagick's NCC). The
// package itself is read with JSZip: well-formed, content types and
// relationships resolve, notes where the slides have notes, real text (no
// slide is a picture), zh-CN and an East Asian font on every run, one section
// per part, the document properties.
//
// Fonts: the PowerPoint names the Chinese sans a receiver's Windows has
// (Microsoft YaHei). LibreOffice opens it twice, each time with a fontconfig
// file of its own (FONTCONFIG_FILE) standing a font in for it, the way a
// receiver's PC supplies a Chinese sans: the deck's own Noto Sans SC (from
// node_modules: the same glyphs as the PDF), and WenQuanYi Micro Hei (Debian's
// fonts-wqy-microhei), whose metrics differ as YaHei's do. In both, no text may
// cross the slide's right edge or the footer, and no two words may overlap.
//
// Edits, as a colleague makes them, through LibreOffice's own API
// (tests/helpers/loEdit.py, python3-uno, one headless soffice for all of
// them, with the WenQuanYi font): a bullet three lines longer, a list item
// added, a table row with a long cell, slide 10 moved to the front; each
// edited copy rendered and read back by its word boxes and pixels.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../../src/deck/loadDeck.ts';
import type { Deck } from '../../../../src/deck/model.ts';
import { exportCommand } from '../../../../src/export/command.ts';
import { TYPEFACE } from '../../../../src/export/pptx/writePptx.ts';
import { missingLines, normal } from '../../../helpers/talkText.ts';
import { convertToPdf, editAndRender, fontConfig } from '../../../helpers/libreoffice.ts';
import { overlappingWords, pdfWords, type Word, type WordPage } from '../../../helpers/pdfWords.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
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
/**
 * The median page's NCC, in each font: the talk measured 0.97 with Noto Sans
 * SC and 0.965 with WenQuanYi Micro Hei standing in for YaHei (lowest pages
 * 0.91 in both), as before the master, placeholders and stacked text bodies.
 */
const MEDIAN_NCC = 0.94;

let dir: string;
let deck: Deck;
let zip: JSZip;
let loPdf: string;
let pdf: string;
let loPages: number;

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
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
  // One ImageMagick process blurs them all in place (one `convert` per page took half a minute under load).
  execFileSync('mogrify', ['-blur', '0x3', ...names.map((n) => path.join(folder, n))]);
  return names.map((n) => path.join(folder, n));
}

async function xml(name: string): Promise<string> {
  const entry = zip.file(name);
  if (!entry) throw new Error(`${name} is not in the package`);
  return entry.async('string');
}

/** The two LibreOffice runs: the deck's font, and a Chinese sans of other metrics. */
const RUNS = ['noto', 'wqy'] as const;
type RunName = (typeof RUNS)[number];
const loPdfs: Record<RunName, string> = { noto: '', wqy: '' };
let edited: string;
let editReport: Record<string, unknown>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-pptx-'));
  deck = (await loadDeck('slides')).deck;
  const file = path.join(dir, 'talk.pptx');
  pdf = path.join(dir, 'talk.pdf');
  expect(await exportCommand(['--slides', 'slides', '--out', file])).toBe(0);
  expect(await exportCommand(['--slides', 'slides', '--out', pdf])).toBe(0);
  zip = await JSZip.loadAsync(await readFile(file));
  // LibreOffice, with profiles and fonts of its own (no clash with a running soffice).
  const lo = path.join(dir, 'lo');
  edited = path.join(dir, 'edited');
  await mkdir(lo);
  await mkdir(edited);
  const noto = await fontConfig(dir, 'noto', TYPEFACE, 'Noto Sans SC', [`${FONT_DIR}/400Regular`, `${FONT_DIR}/700Bold`]);
  const wqy = await fontConfig(dir, 'wqy', TYPEFACE, 'WenQuanYi Micro Hei');
  convertToPdf(file, lo, noto, path.join(dir, 'profile'));
  loPdf = path.join(lo, 'talk.pdf');
  loPdfs.noto = loPdf;
  loPages = existsSync(loPdf) ? pageCount(loPdf) : 0;
  // The second font's run is the edit script's unedited copy.
  editReport = await editAndRender(file, edited, wqy, path.join(dir, 'profile-uno'));
  loPdfs.wqy = path.join(edited, 'plain.pdf');
}, 480_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The footer's words: in the slide's bottom tenth, from the short title, a part marker, the separator or the slide number. */
function isFooterWord(w: Word, page: WordPage): boolean {
  if (w.y0 < page.height * 0.9) return false;
  const vocabulary = normal(`${deck.meta.short ?? deck.meta.title}|${deck.parts.map((p) => p.marker).join('')}`);
  return /^\d+$/.test(w.text) || vocabulary.includes(normal(w.text));
}

/** What is wrong with a page's text: words past the right edge, body words into the footer's line, words over words. */
function pageProblems(page: WordPage, n: number): string[] {
  const problems: string[] = [];
  const footer = page.words.filter((w) => isFooterWord(w, page));
  const footerTop = footer.length > 0 ? Math.min(...footer.map((w) => w.y0)) : page.height;
  for (const w of page.words) {
    if (w.x1 > page.width - 0.5 || w.x0 < 0)
      problems.push(`slide ${n}: "${w.text}" crosses the slide's edge (x ${w.x0.toFixed(1)}–${w.x1.toFixed(1)} of ${page.width})`);
    if (!footer.includes(w) && w.y1 > footerTop + 0.5)
      problems.push(`slide ${n}: "${w.text}" runs into the footer (bottom ${w.y1.toFixed(1)}, footer from ${footerTop.toFixed(1)})`);
  }
  for (const [a, b] of overlappingWords(page.words)) problems.push(`slide ${n}: "${a.text}" and "${b.text}" overlap`);
  return problems;
}

/** The slide number each page shows (the footer's number at its right). */
function shownNumber(page: WordPage): string | undefined {
  const numbers = page.words.filter((w) => isFooterWord(w, page) && /^\d+$/.test(w.text) && w.x0 > page.width * 0.8);
  return numbers[0]?.text;
}

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

  it('looks like the PDF export, page by page, with either font', async () => {
    const pictures = path.join(dir, 'pictures');
    await mkdir(pictures);
    const theirs = await pagePictures(pdf, path.join(pictures, 'pdf'));
    for (const run of RUNS) {
      const ours = await pagePictures(loPdfs[run], path.join(pictures, run));
      expect(ours.length).toBe(theirs.length);
      const scores = ours.map((p, i) => ({ slide: i + 1, ncc: ncc(p, theirs[i]) }));
      expect(
        scores.filter((s) => s.ncc < MIN_NCC),
        run,
      ).toEqual([]);
      const sorted = scores.map((s) => s.ncc).sort((a, b) => a - b);
      expect(sorted[Math.floor(sorted.length / 2)], `${run}: median`).toBeGreaterThanOrEqual(MEDIAN_NCC);
      // The measure tells slides apart: against the next slide's PDF page nearly all pages fall below it.
      const shifted = ours.slice(0, -1).map((p, i) => ncc(p, theirs[i + 1]));
      expect(shifted.filter((v) => v < MIN_NCC).length, run).toBeGreaterThan(shifted.length * 0.85);
    }
    // About 330 ImageMagick comparisons: a few seconds on a quiet machine, a minute on a loaded one.
  }, 180_000);
});

describe.each(RUNS)('the talk as PowerPoint in LibreOffice, YaHei stood in for by %s', (run) => {
  it('has one page per slide, each numbered by its place', () => {
    const pages = pdfWords(loPdfs[run]);
    expect(pages.length).toBe(deck.slides.length);
    const wrong = pages.flatMap((page, i) =>
      deck.slides[i].layout === 'title' || shownNumber(page) === String(i + 1) ? [] : [`page ${i + 1} shows ${shownNumber(page)}`],
    );
    expect(wrong).toEqual([]);
    // The number sits on the footer's line (one baseline), not above it.
    const off = pages.flatMap((page, i) => {
      const footer = page.words.filter((w) => isFooterWord(w, page) && !/^\d+$/.test(w.text));
      const number = page.words.find((w) => isFooterWord(w, page) && /^\d+$/.test(w.text) && w.x0 > page.width * 0.8);
      return footer.length > 0 && number && Math.abs(number.y1 - footer[0].y1) > 1
        ? [`page ${i + 1}: number ${(number.y1 - footer[0].y1).toFixed(1)} pt off the footer's line`]
        : [];
    });
    expect(off).toEqual([]);
  });

  it('keeps every word inside the slide, out of the footer, and off other words', () => {
    const problems = pdfWords(loPdfs[run]).flatMap((page, i) => pageProblems(page, i + 1));
    expect(problems).toEqual([]);
  });

  it('contains every line of the talk', () => {
    const text = normal(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', loPdfs[run], '-'], { encoding: 'utf8' }));
    expect(missingLines(text).length).toBeLessThan(20);
  });
});

describe("edits made through LibreOffice's API (WenQuanYi standing in for YaHei)", () => {
  const pageOf = (edit: string, n: number): WordPage => {
    const pages = pdfWords(path.join(edited, `${edit}.pdf`));
    expect(pages.length, `${edit}.pdf`).toBe(deck.slides.length);
    return pages[n - 1];
  };

  it('a bullet three lines longer pushes what follows down: no two blocks overlap', () => {
    const page = pageOf('bullet', 39);
    const added = String((editReport.bullet as { added: string }).added);
    const text = normal(page.words.map((w) => w.text).join(''));
    expect(text).toContain(normal(added).slice(-10));
    expect(pageProblems(page, 39)).toEqual([]);
    // The 案例 paragraph is still below the list, now lower down than before.
    const before = pdfWords(loPdfs.wqy)[38].words.find((w) => w.text.startsWith('案例'));
    const after = page.words.find((w) => w.text.startsWith('案例'));
    expect(before && after && after.y0 > before.y0 + 20).toBe(true);
  });

  it('an item added to a numbered list: the numbers run 1…n', () => {
    const page = pageOf('list', 50);
    const numbers = page.words
      .filter((w) => /^\d+\.$/.test(w.text) && w.x0 < page.width * 0.2)
      .sort((a, b) => a.y0 - b.y0)
      .map((w) => Number.parseInt(w.text, 10));
    const items = Number((editReport.list as { items: number }).items);
    expect(numbers).toEqual(Array.from({ length: items }, (_, i) => i + 1));
    expect(pageProblems(page, 50)).toEqual([]);
  });

  it('a table row with a long cell: the bottom rule stays under the last row, the table clear of the footer', () => {
    const page = pageOf('table', 24);
    expect(pageProblems(page, 24)).toEqual([]);
    const cells = (editReport.table as { cells: string[] }).cells;
    expect(normal(page.words.map((w) => w.text).join(''))).toContain(normal(cells[1]).slice(0, 8));
    // The rule: the lowest pixel row in the deck's blue across most of the table's width.
    const png = path.join(dir, 'table-24');
    execFileSync('pdftoppm', ['-r', '72', '-f', '24', '-l', '24', '-singlefile', '-png', path.join(edited, 'table.pdf'), png]);
    const ppm = execFileSync('convert', [`${png}.png`, '-depth', '8', 'rgb:-'], { maxBuffer: 64 * 1024 * 1024 });
    const width = Math.round(page.width);
    const height = Math.round(page.height);
    const blue = (x: number, y: number): boolean => {
      const i = (y * width + x) * 3;
      return ppm[i] < 80 && ppm[i + 1] < 100 && ppm[i + 2] > 90 && ppm[i + 2] - ppm[i] > 40;
    };
    let rule = -1;
    for (let y = 0; y < height; y++) {
      let run = 0;
      for (let x = 0; x < width; x++) run += blue(x, y) ? 1 : 0;
      if (run > width * 0.6) rule = y;
    }
    const footer = page.words.filter((w) => isFooterWord(w, page));
    const footerTop = Math.min(...footer.map((w) => w.y0));
    const body = page.words.filter((w) => !footer.includes(w));
    const lastText = Math.max(...body.map((w) => w.y1));
    expect(rule, 'a blue rule across the table').toBeGreaterThan(0);
    expect(rule, 'the rule under the last row').toBeGreaterThanOrEqual(lastText - 1);
    expect(rule, 'the table above the footer').toBeLessThan(footerTop - 2);
  });

  it('slide 10 moved to the front: every slide number is right', () => {
    const pages = pdfWords(path.join(edited, 'move.pdf'));
    expect(pages.length).toBe(deck.slides.length);
    expect(normal(pages[0].words.map((w) => w.text).join(''))).toContain(normal(deck.slides[9].title).slice(0, 6));
    const wrong = pages.flatMap((page, i) =>
      i === 1 || shownNumber(page) === String(i + 1) ? [] : [`page ${i + 1} shows ${shownNumber(page)}`],
    );
    expect(wrong).toEqual([]);
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

  it('puts each slide on a layout of the master, its heading in the title placeholder', async () => {
    const missing: string[] = [];
    for (const [i, s] of deck.slides.entries()) {
      if (!s.title) continue;
      const slide = await xml(`ppt/slides/slide${i + 1}.xml`);
      const title = /<p:sp>(?:(?!<\/p:sp>).)*?<p:ph type="(?:title|ctrTitle)"\/>.*?<\/p:sp>/s.exec(slide)?.[0] ?? '';
      const text = [...title.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
      if (!normal(text).includes(normal(s.title).slice(0, 6))) missing.push(`slide ${i + 1}: ${s.title}`);
    }
    expect(missing).toEqual([]);
    expect(deck.slides.filter((s) => s.title).length).toBeGreaterThan(45);
    const layouts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n))
        .map((n) => xml(n)),
    );
    const types = layouts.map((l) => /<p:sldLayout\b[^>]*\stype="(\w+)"/.exec(l)?.[1]);
    for (const type of ['title', 'obj', 'secHead', 'titleOnly']) expect(types).toContain(type);
    const master = await xml('ppt/slideMasters/slideMaster1.xml');
    for (const ph of ['type="title"', 'type="body"', 'type="ftr"', 'type="sldNum"']) expect(master).toContain(`<p:ph ${ph}`);
    expect(master).toContain('type="slidenum"');
  });

  it('wraps every text box, and numbers slides with a field, never as text', async () => {
    for (let i = 1; i <= deck.slides.length; i++) {
      const slide = await xml(`ppt/slides/slide${i}.xml`);
      expect(slide, `slide ${i}`).not.toContain('wrap="none"');
      // Text bodies shrink their text on overflow, in the room they have (see writePptx.ts).
      for (const body of slide.match(/<p:txBody><a:bodyPr\b[^>]*>.*?<\/a:bodyPr>/gs) ?? [])
        expect(body, `slide ${i}`).toContain('<a:normAutofit');
      const number = /<p:sp>(?:(?!<\/p:sp>).)*?<p:ph type="sldNum"[^>]*\/>.*?<\/p:sp>/s.exec(slide)?.[0] ?? '';
      expect(number, `slide ${i}`).toMatch(/<a:fld [^>]*type="slidenum"/);
      // No shape holds the slide's number as plain text.
      const asText = (slide.match(/<p:sp>.*?<\/p:sp>/gs) ?? []).filter(
        (sp) =>
          !sp.includes('type="slidenum"') &&
          [...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
            .map((m) => m[1])
            .join('')
            .trim() === String(i),
      );
      expect(asText, `slide ${i}`).toEqual([]);
    }
  });

  it('stacks the blocks of a column in one text body (slide 39: the list and the 案例 paragraph)', async () => {
    const slide = await xml('ppt/slides/slide39.xml');
    const bodies = (slide.match(/<p:sp>.*?<\/p:sp>/gs) ?? []).filter((sp) => sp.includes('2018') || sp.includes('案例'));
    expect(bodies.length).toBe(1);
    expect(bodies[0]).toContain('<a:spcBef>');
  });

  it('numbers lists automatically, with a start only where the Markdown has one', async () => {
    const starts: string[] = [];
    let numbered = 0;
    for (let i = 1; i <= deck.slides.length; i++) {
      const slide = await xml(`ppt/slides/slide${i}.xml`);
      numbered += slide.match(/<a:buAutoNum /g)?.length ?? 0;
      for (const m of slide.matchAll(/<a:buAutoNum [^>]*startAt="(\d+)"/g)) starts.push(`${i}:${m[1]}`);
    }
    expect(numbered).toBeGreaterThan(10);
    const ordered = deck.slides.flatMap((s, i) => [...s.html.matchAll(/<ol start="(\d+)"/g)].map((m) => `${i + 1}:${m[1]}`));
    expect(starts).toEqual(ordered);
  });

  it('draws table rules as cell borders, not as shapes beside the table', async () => {
    for (let i = 1; i <= deck.slides.length; i++) {
      const slide = await xml(`ppt/slides/slide${i}.xml`);
      if (!slide.includes('<a:tbl>')) continue;
      expect(slide, `slide ${i}`).not.toMatch(/name="table border/);
      expect(slide, `slide ${i}`).toMatch(/<a:lnT w="2\d{4}"/);
      expect(slide, `slide ${i}`).toMatch(/<a:lnB w="2\d{4}"/);
    }
  });

  it('links the e-mail address, and jumps to slides from the outline', async () => {
    const rels = await Promise.all(deck.slides.map((_, i) => xml(`ppt/slides/_rels/slide${i + 1}.xml.rels`)));
    const mail = rels.findIndex((r) => /Target="mailto:[^"]+"/.test(r));
    expect(mail).toBeGreaterThanOrEqual(0);
    const id = /Id="(rId\d+)"[^>]*Target="mailto:/.exec(rels[mail])?.[1] ?? /Target="mailto:[^"]*"[^>]*Id="(rId\d+)"/.exec(rels[mail])?.[1];
    expect(await xml(`ppt/slides/slide${mail + 1}.xml`)).toContain(`<a:hlinkClick r:id="${id}"`);
    // The outline (slide 2): each part's entry jumps to the part's first slide.
    const outline = await xml('ppt/slides/slide2.xml');
    const listed = deck.parts.filter((p) => p.inOutline);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(outline.match(/action="ppaction:\/\/hlinksldjump"/g)?.length ?? 0).toBe(listed.length);
    const targets = [...rels[1].matchAll(/Target="slide(\d+)\.xml"/g)].map((m) => Number(m[1]));
    expect(targets).toEqual(listed.map((p) => p.firstSlide + 1));
  });

  it('describes every picture: a diagram from its source, an icon by its card', async () => {
    const alts: string[] = [];
    for (let i = 1; i <= deck.slides.length; i++) {
      const slide = await xml(`ppt/slides/slide${i}.xml`);
      for (const pic of slide.match(/<p:pic>.*?<\/p:pic>/gs) ?? []) {
        const descr = /<p:cNvPr [^>]*descr="([^"]*)"/.exec(pic)?.[1] ?? '';
        expect(descr.trim(), `a picture on slide ${i}`).not.toBe('');
        alts.push(descr);
      }
    }
    expect(alts.join('\n')).toContain('流程图：基础研究 → 应用研究 → 试验发展 → 生产 → 市场');
    expect(alts.some((a) => a.startsWith('图标：'))).toBe(true);
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
      const first = slide.notes
        .replace(/<[^>]+>/g, '')
        .trim()
        .slice(0, 8);
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
      const big = [...slide.matchAll(/<p:pic>.*?<a:ext cx="(\d+)" cy="(\d+)"/gs)].some(
        (m) => Number(m[1]) * Number(m[2]) > 0.9 * 12192000 * 6858000,
      );
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
      const png =
        zip.file(name.replace(/\.svg$/, '.png')) ?? zip.file(name.replace(/-(\d+)\.svg$/, (_, n: string) => `-${Number(n) - 1}.png`));
      expect(png, `PNG beside ${name}`).toBeTruthy();
      expect((await png!.async('uint8array')).length, name).toBeGreaterThan(labelled.includes(name) ? 2000 : 100);
    }
  });
});
