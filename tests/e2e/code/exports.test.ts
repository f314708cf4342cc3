// End to end: the code fixture (a TypeScript block with a Chinese comment, a
// Python block stepping {1|2-3|all}, an unknown language, an inline and a
// display formula) exported once as PDF, as PDF with --fragments and as
// PowerPoint, and read back with real clients: poppler (text, fonts, the
// structure tree), pdf-lib, JSZip, and LibreOffice Impress through its own
// API (an equation alone in its paragraph opens as a Math object; the code
// steps are its click effects) and as a renderer (its code slide against the
// PDF's, ImageMagick NCC). A small deck of its own has a formula in a fragment.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../helpers/exportRun.ts';
import { tempDir } from '../../helpers/deckPage.ts';
import { convertToPdf, fontConfig, loAnimations, loShapes, type LoEffect, type LoShape } from '../../helpers/libreoffice.ts';
import { fontPackageDir } from '../../../src/font/source.ts';
import { monoSourcePath } from '../../../src/font/mono.ts';

const FIXTURE = 'tests/fixtures/code';
const CODE_SLIDE = 2;
const STEPS_SLIDE = 3;
const INLINE_SLIDE = 5;
const DISPLAY_SLIDE = 6;

let dir: string;
let pdf: string;
let fragments: string;
let pptx: string;
let zip: JSZip;
let shapes: LoShape[][];
let loPdf: string;
let loEffects: { slide: number; groups: LoEffect[][] }[];

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const pageText = (file: string, page: number) => run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']);

beforeAll(async () => {
  dir = await tempDir('code-exports');
  pdf = path.join(dir, 'code.pdf');
  fragments = path.join(dir, 'steps.pdf');
  pptx = path.join(dir, 'code.pptx');
  for (const [out, extra] of [
    [pdf, []],
    [fragments, ['--fragments']],
    [pptx, []],
  ] as const) {
    const done = await runExport(['--slides', FIXTURE, '--out', out, ...extra]);
    expect(done.code, done.stderr).toBe(0);
  }
  zip = await JSZip.loadAsync(await readFile(pptx));
  // LibreOffice with the deck's own fonts standing in for what the file names (YaHei, Consolas).
  const fonts = await fontConfig(
    dir,
    'fonts',
    'Microsoft YaHei',
    'Noto Sans SC',
    [`${fontPackageDir()}/400Regular`, `${fontPackageDir()}/700Bold`, path.dirname(monoSourcePath())],
    { Consolas: 'JetBrains Mono' },
  );
  const lo = path.join(dir, 'lo');
  await mkdir(lo);
  convertToPdf(pptx, lo, fonts, path.join(dir, 'profile'));
  loPdf = path.join(lo, 'code.pdf');
  shapes = await loShapes(pptx, path.join(dir, 'shapes.json'), fonts, path.join(dir, 'profile'));
  loEffects = await loAnimations(pptx, fonts, path.join(dir, 'profile'));
}, 400_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('PDF', () => {
  it('has the code as real text, Chinese comment and all, and the formulas’ characters', () => {
    const code = pageText(pdf, CODE_SLIDE);
    expect(code).toContain('// 读取配置文件：缺少的字段取默认值');
    expect(code).toContain('export function load(text: string): Config {');
    expect(code).toMatch(/10 \}/);
    expect(pageText(pdf, 3)).toContain('return total / len(values)');
    expect(pageText(pdf, INLINE_SLIDE).replace(/\s+/g, '')).toContain('E=mc');
    const display = pageText(pdf, DISPLAY_SLIDE);
    for (const ch of ['∑', '≤', 'n', 'x', 'a', 'b', 'c', 'd', '1']) expect(display).toContain(ch);
  });

  it('embeds the code font and KaTeX’s fonts as TrueType, no Type 3', () => {
    const fonts = run('pdffonts', [pdf]);
    for (const name of ['JetBrainsMono-Regular', 'KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_Size2-Regular', 'NotoSansSC-Regular'])
      expect(fonts).toMatch(new RegExp(`\\+${name}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    expect(fonts).not.toMatch(/Type 3/);
  });

  it('tags each formula as a Formula with its TeX as alt text', async () => {
    const tree = run('pdfinfo', ['-struct-text', pdf]);
    expect(tree.match(/^\s*Formula\b/gm)).toHaveLength(2);
    const doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
    const alts: string[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('S')) !== PDFName.of('Formula')) continue;
      const alt = obj.get(PDFName.of('Alt'));
      alts.push(alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : '');
    }
    expect(alts.sort()).toEqual(['E = mc^2', '\\frac{1}{n}\\sum_{i=1}^{n} x_i \\le \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}']);
  });

  it('gives each code step a page of its own with --fragments', () => {
    // 6 slides; slide 3 has two code steps after its first and one bullet: 3 more pages.
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [fragments]))?.[1])).toBe(9);
    for (const page of [3, 4, 5]) expect(pageText(fragments, page)).toContain('return total / len(values)');
    expect(pageText(fragments, 4)).toMatch(/3\.1\s*$/);
    // The steps light different lines: the pages differ where the code is.
    const shots = [3, 4, 5].map((p) => {
      const base = path.join(dir, `step-${p}`);
      run('pdftoppm', ['-r', '30', '-gray', '-png', '-f', String(p), '-l', String(p), '-singlefile', fragments, base]);
      return `${base}.png`;
    });
    const differ = (a: string, b: string) => {
      try {
        execFileSync('compare', ['-metric', 'AE', a, b, 'null:'], { stdio: ['ignore', 'pipe', 'pipe'] });
        return 0;
      } catch (error) {
        return Number.parseFloat(String((error as { stderr?: string }).stderr ?? ''));
      }
    };
    expect(differ(shots[0], shots[1])).toBeGreaterThan(50);
    expect(differ(shots[1], shots[2])).toBeGreaterThan(50);
  });
});

describe('PowerPoint', () => {
  const slideXml = (n: number) => {
    const entry = zip.file(`ppt/slides/slide${n}.xml`);
    if (!entry) throw new Error(`slide ${n} is not in the package`);
    return entry.async('string');
  };

  it('holds each formula as an equation (m:oMath in a14:m) with its picture as the fallback', async () => {
    for (const n of [INLINE_SLIDE, DISPLAY_SLIDE]) {
      const xml = await slideXml(n);
      expect(xml).toMatch(/<mc:AlternateContent [^>]*><mc:Choice [^>]*Requires="a14"><p:sp>[\s\S]*<a14:m><m:oMath/);
      expect(xml).toMatch(/<mc:Fallback><p:sp>[\s\S]*<a:blipFill><a:blip r:embed="rId\d+"/);
    }
    const inline = await slideXml(INLINE_SLIDE);
    expect(inline).toMatch(/<a:t>质能方程 <\/a:t><\/a:r><a14:m><m:oMath [^>]*><m:r>/);
    expect(await slideXml(DISPLAY_SLIDE)).toMatch(/<m:oMathPara [^>]*>[\s\S]*<m:nary>[\s\S]*<m:m>/);
  });

  it('holds the code as one text box of Consolas runs in at least three colours, Chinese in the East Asian font', async () => {
    const xml = await slideXml(CODE_SLIDE);
    const box = /<p:sp>(?:(?!<\/p:sp>).)*name="code \d+"(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(xml)?.[0] ?? '';
    expect(box).toContain('<a:t>export</a:t>');
    const runs = [...box.matchAll(/<a:r><a:rPr\b[^>]*>([\s\S]*?)<\/a:rPr><a:t>([^<]*)<\/a:t><\/a:r>/g)];
    expect(runs.length).toBeGreaterThan(20);
    const colours = new Set(runs.map((r) => /<a:srgbClr val="(\w{6})"/.exec(r[1])?.[1]));
    expect(colours.size).toBeGreaterThanOrEqual(3);
    for (const r of runs) expect(r[1]).toContain('<a:latin typeface="Consolas"');
    expect(box).toContain('<a:ea typeface="Microsoft YaHei"');
    expect(box).toMatch(/<a:t>\/\/ 读取配置文件：缺少的字段取默认值<\/a:t>/);
    // Ten paragraphs, one a line, each hanging under its line number.
    expect(box.match(/<a:p><a:pPr [^>]*marL="\d+" indent="-\d+"/g)).toHaveLength(10);
  });

  it('opens in LibreOffice with the display formula as a Math object holding its symbols', () => {
    const formulas = shapes[DISPLAY_SLIDE - 1].filter((s) => s.formula !== undefined);
    expect(formulas).toHaveLength(1);
    expect(formulas[0].clsid?.toUpperCase()).toBe('078B7ABA-54FC-457F-8551-6147E776A997');
    for (const piece of ['{1} over {n}', 'sum from {i=1} to {n}', 'rsub {i}', '≤', 'matrix {a # b ## c # d}'])
      expect(formulas[0].formula).toContain(piece);
    // LibreOffice 7.4 takes an equation only when it is alone in its paragraph: the inline one it leaves out.
    const inline = shapes[INLINE_SLIDE - 1].find((s) => s.text.includes('质能方程'));
    expect(inline?.text).toContain('说明质量与能量可以相互转换');
  });

  it('plays the code steps as clicks: a box per step over the one before, each lighting its lines, in order with the bullet', async () => {
    const xml = await slideXml(STEPS_SLIDE);
    const ids = new Map([...xml.matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const boxes = [...ids.values()].filter((n) => n.startsWith('code '));
    expect(boxes).toHaveLength(3);
    const [first, second, third] = boxes;
    expect([second, third]).toEqual([`${first} step 1`, `${first} step 2`]);
    // Each box as its step shows the block: the lit lines dark, the others mixed into the block's fill.
    const lineColours = (name: string) => {
      const sp = new RegExp(`<p:sp>(?:(?!</p:sp>).)*name="${name}"(?:(?!</p:sp>).)*</p:sp>`, 's').exec(xml)?.[0] ?? '';
      expect(sp).toMatch(/<p:spPr>.*<a:solidFill><a:srgbClr val="\w{6}"\/><\/a:solidFill>.*<\/p:spPr>/s);
      return [...sp.matchAll(/<a:p>.*?<\/a:p>/gs)].map(
        (p) => /<a:t>def<\/a:t>|<a:t>[^<]*total/.test(p[0]) && /<a:srgbClr val="(\w{6})"/.exec(p[0])?.[1],
      );
    };
    const lit = (name: string) => {
      const colours = lineColours(name);
      const darkest = colours.map((c) => (c ? parseInt(c.slice(0, 2), 16) : 255));
      return darkest.map((v) => v < Math.min(...darkest) + 40);
    };
    expect(lit(first)).toEqual([true, false, false]);
    expect(lit(second)).toEqual([false, true, true]);
    expect(lit(third)).toEqual([true, true, true]);
    // The timing tree: one click group a step, the code's next boxes and then the bullet.
    const timing = /<p:timing>.*<\/p:timing>/s.exec(xml)?.[0] ?? '';
    const clicks = timing.split('<p:cond delay="indefinite"/>').slice(1);
    // (A fade names its shape twice: its visibility and its filter.)
    const shown = clicks.map((c) => [...new Set([...c.matchAll(/<p:spTgt spid="(\d+)"/g)].map((m) => ids.get(m[1])))]);
    expect(shown).toEqual([[second], [third], [expect.stringMatching(/^ul /)]]);
    // LibreOffice reads the same: entrance effects on click, on those shapes, in that order.
    const effects = loEffects.find((s) => s.slide === STEPS_SLIDE)?.groups ?? [];
    expect(effects.map((g) => g.map((e) => [e.shape, e.class, e.trigger]))).toEqual(shown.map(([name]) => [[name, 1, 1]]));
    expect(effects[0][0].preset).toBe('ooo-entrance-appear');
    // The notes name the lines each click lights.
    const rels = await zip.file(`ppt/slides/_rels/slide${STEPS_SLIDE}.xml.rels`)!.async('string');
    const notes = await zip.file(`ppt/notesSlides/${/notesSlides\/([^"]+)"/.exec(rels)?.[1]}`)!.async('string');
    expect(notes).toContain('第 1 步：代码第 2–3 行');
    expect(notes).toContain('第 2 步：全部代码行');
    expect(notes).toContain('第 3 步：第一步：定义函数');
    // Slides without steps have no timing tree.
    expect(await slideXml(CODE_SLIDE)).not.toContain('<p:timing>');
  });

  it('renders the code slide in LibreOffice as the PDF shows it (NCC ≥ 0.7)', () => {
    const picture = (file: string, name: string) => {
      const base = path.join(dir, name);
      run('pdftoppm', ['-r', '40', '-gray', '-png', '-f', String(CODE_SLIDE), '-l', String(CODE_SLIDE), '-singlefile', file, base]);
      run('convert', [`${base}.png`, '-blur', '0x2', `${base}.png`]);
      return `${base}.png`;
    };
    const a = picture(pdf, 'pdf-code');
    const b = picture(loPdf, 'lo-code');
    let ncc = 1;
    try {
      execFileSync('compare', ['-metric', 'NCC', a, b, 'null:'], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      ncc = Number.parseFloat(String((error as { stderr?: string }).stderr ?? ''));
    }
    expect(ncc).toBeGreaterThanOrEqual(0.7);
  });
});

describe('PowerPoint: a formula in a fragment', () => {
  let stepped: string;
  let steppedZip: JSZip;
  let steppedLo: { slide: number; groups: LoEffect[][] }[];

  beforeAll(async () => {
    const slides = path.join(dir, 'formula-step');
    await mkdir(slides);
    await writeFile(
      path.join(slides, '01-formula.md'),
      [
        '---',
        'title: 公式逐步',
        '---',
        '',
        '## 样本均值',
        '',
        '$$',
        '\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i',
        '$$',
        '',
        '方差 $s^2$ 随后出现。 {.fragment}',
        '',
      ].join('\n'),
    );
    stepped = path.join(dir, 'formula-step.pptx');
    const done = await runExport(['--slides', slides, '--out', stepped]);
    expect(done.code, done.stderr).toBe(0);
    steppedZip = await JSZip.loadAsync(await readFile(stepped));
    steppedLo = await loAnimations(stepped, path.join(dir, 'fonts.conf'), path.join(dir, 'profile'));
  }, 200_000);

  it('comes in at its click, the formula shown from the start, and the notes say so', async () => {
    const xml = await steppedZip.file('ppt/slides/slide1.xml')!.async('string');
    const ids = new Map([...xml.matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const timing = /<p:timing>.*<\/p:timing>/s.exec(xml)?.[0] ?? '';
    const clicks = timing.split('<p:cond delay="indefinite"/>').slice(1);
    const shown = clicks.map((c) => [...new Set([...c.matchAll(/<p:spTgt spid="(\d+)"/g)].map((m) => ids.get(m[1])))]);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toHaveLength(1);
    const name = shown[0][0] ?? '';
    // The paragraph holding the inline formula: an equation in its own box, not the display formula's.
    expect(name).toMatch(/^formula \d+$/);
    const box = new RegExp(`<p:sp>(?:(?!</p:sp>).)*name="${name}"(?:(?!</p:sp>).)*</p:sp>`, 's').exec(xml)?.[0] ?? '';
    expect(box).toContain('随后出现');
    expect(box).toContain('<a14:m>');
    const effects = steppedLo.find((s) => s.slide === 1)?.groups ?? [];
    expect(effects.map((g) => g.map((e) => [e.shape, e.class, e.trigger]))).toEqual([[[name, 1, 1]]]);
    const rels = await steppedZip.file('ppt/slides/_rels/slide1.xml.rels')!.async('string');
    const notes = await steppedZip.file(`ppt/notesSlides/${/notesSlides\/([^"]+)"/.exec(rels)?.[1]}`)!.async('string');
    expect(notes).toMatch(/第 1 步：方差 [^<]*随后出现。/);
  });
});
