// End to end: the talk's PDF is a tagged PDF a screen reader can use. Its
// structure tree is read back with poppler (`pdfinfo -struct-text`) and
// pdf-lib (Alt, Lang, ViewerPreferences): one branch per page, in slide
// order; each page's first heading is its slide's title; the talk's 4 tables
// are Table with TH header cells; each of its 12 diagrams is a Figure with
// non-empty alt text; the footer and page number are not in the tree; the
// text in the tree follows the slide's own order.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../helpers/exportRun.ts';
import { tempDir } from '../../../helpers/deckPage.ts';
import { loadDeck } from '../../../../src/deck/loadDeck.ts';
import type { Slide } from '../../../../src/deck/model.ts';

export interface StructNode {
  label: string;
  text?: string;
  children: StructNode[];
}

/** `pdfinfo -struct-text` as a tree (two spaces an indent; quoted lines are text). */
export function parseStructText(out: string): StructNode {
  const root: StructNode = { label: '', children: [] };
  const stack: { depth: number; node: StructNode }[] = [{ depth: -1, node: root }];
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const depth = line.length - line.trimStart().length;
    const body = line.trim();
    // Attribute lines of a node (/Scope /Column …) belong to it: skip.
    if (body.startsWith('/')) continue;
    while (stack.length > 1 && stack[stack.length - 1].depth >= depth) stack.pop();
    const node: StructNode = body.startsWith('"')
      ? { label: '#text', text: body.slice(1, -1), children: [] }
      : { label: body.split(/[\s:]/)[0], children: [] };
    stack[stack.length - 1].node.children.push(node);
    stack.push({ depth, node });
  }
  return root;
}

function all(node: StructNode, label: string): StructNode[] {
  return [...(node.label === label ? [node] : []), ...node.children.flatMap((c) => all(c, label))];
}

function textOf(node: StructNode): string {
  return node.text ?? node.children.map(textOf).join('');
}

/** Text leaves outside figures (a diagram's labels follow its drawing, not the slide's source) and list labels (1., 2. come from CSS). */
function leaves(node: StructNode): string[] {
  if (node.label === 'Figure' || node.label === 'Lbl') return [];
  if (node.text !== undefined) return node.text ? [node.text] : [];
  return node.children.flatMap(leaves);
}

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** A slide's text as the audience reads it, in source order (notes and diagram sources out). */
function slideText(slide: Slide): string {
  return compact(
    slide.html
      .replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '')
      .replace(/<pre class="mermaid-source"[\s\S]*?<\/pre>/g, '')
      .replace(/<svg[\s\S]*?<\/svg>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  );
}

let dir: string;
let file: string;
let slides: Slide[];
let pages: StructNode[];

beforeAll(async () => {
  dir = await tempDir('structure');
  file = path.join(dir, 'talk.pdf');
  const result = await runExport(['--out', file]);
  if (result.code !== 0) throw new Error(`export failed:\n${result.stderr}`);
  slides = (await loadDeck('slides')).deck.slides;
  const tree = parseStructText(
    execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  // Document › (Chromium's wrappers for body, .reveal, .slides) › one branch per printed page.
  let node = tree.children[0];
  expect(node.label).toBe('Document');
  while (node.children.length === 1) node = node.children[0];
  pages = node.children;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the talk's tagged PDF", () => {
  it('has one branch per page, each headed by its slide title, in slide order', () => {
    expect(pages).toHaveLength(slides.length);
    const headings = pages.map((page) => {
      const first = ['H1', 'H2', 'H3'].flatMap((h) => all(page, h)).map(textOf)[0];
      return compact(first ?? '');
    });
    expect(headings).toEqual(slides.map((s) => compact(s.title)));
  });

  it("keeps each page's text in its slide's order, and nothing else", () => {
    for (const [i, page] of pages.entries()) {
      const text = slideText(slides[i]);
      let at = 0;
      for (const leaf of leaves(page).map(compact).filter(Boolean)) {
        const found = text.indexOf(leaf, at);
        expect(found, `page ${i + 1}: «${leaf}» after position ${at} of «${text.slice(0, 80)}…»`).toBeGreaterThanOrEqual(0);
        at = found + leaf.length;
      }
    }
  });

  it('has the 4 tables as Table with header cells, and lists as L/LI', () => {
    const tables = pages.flatMap((p) => all(p, 'Table'));
    expect(tables).toHaveLength(4);
    for (const table of tables) {
      expect(all(table, 'TR').length).toBeGreaterThan(1);
      expect(all(table, 'TH').length).toBeGreaterThan(0);
      expect(all(table, 'TD').length).toBeGreaterThan(0);
    }
    expect(pages.flatMap((p) => all(p, 'LI')).length).toBeGreaterThan(20);
  });

  it('has every diagram as a Figure with its one description (kind, then labels) as alt text', async () => {
    const diagrams = slides.reduce((n, s) => n + (s.html.match(/class="mermaid-diagram"/g)?.length ?? 0), 0);
    expect(diagrams).toBe(12);
    expect(pages.flatMap((p) => all(p, 'Figure'))).toHaveLength(diagrams);
    const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const alts: string[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('S'))?.toString() !== '/Figure') continue;
      const alt = obj.get(PDFName.of('Alt'));
      alts.push(alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : '');
    }
    expect(alts).toHaveLength(diagrams);
    for (const alt of alts) expect(alt).toMatch(/^(流程图|框图)：\S/);
    expect(alts.join('\n')).toContain('流程图：基础研究 → 应用研究 → 试验发展 → 生产 → 市场');
  });

  it('leaves the footer and the page number out of the tree', () => {
    const texts = pages.map((p) => compact(textOf(p)));
    for (const [i, text] of texts.entries()) {
      // The footer's short title and the bare page number are artifacts.
      expect(text.endsWith(String(i + 1)) && !slideText(slides[i]).endsWith(String(i + 1)), `page ${i + 1} ends with its number`).toBe(
        false,
      );
    }
    expect(texts.filter((t) => t.includes('产学研合作的热点与思考')).length).toBeLessThan(3);
  });

  it('says its language, zh-CN, shows its title in the window title, and reads clean in poppler', async () => {
    const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(zh-CN)');
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    // Chromium's PDF 2.0 types (Strong) are mapped to 1.7 ones: poppler reads the whole tree.
    const stderr = execFileSync('sh', ['-c', `pdfinfo -struct-text "${file}" 2>&1 >/dev/null`], { encoding: 'utf8' });
    expect(stderr).toBe('');
  });
});

describe("the talk's handout keeps each slide's structure", () => {
  it('has, after each caption, the slide as an Art element holding its heading, lists, tables and figures; header and footer are artifacts', async () => {
    const out = path.join(dir, 'handout.pdf');
    const result = await runExport(['--handout', '3', '--out', out]);
    if (result.code !== 0) throw new Error(`export failed:\n${result.stderr}`);
    const text = execFileSync('pdfinfo', ['-struct-text', out], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tree = parseStructText(text);
    const arts = all(tree, 'Art');
    expect(arts).toHaveLength(slides.length);
    const headings = arts.map((art) => compact(['H1', 'H2', 'H3'].flatMap((h) => all(art, h)).map(textOf)[0] ?? ''));
    expect(headings).toEqual(slides.map((s) => compact(s.title)));
    expect(arts.flatMap((a) => all(a, 'Table'))).toHaveLength(4);
    expect(arts.flatMap((a) => all(a, 'Figure'))).toHaveLength(12);
    const whole = compact(textOf(tree));
    expect(whole).not.toContain('第1页');
    expect(whole.startsWith('1产学研合作的热点与思考产学研合作的热点与思考')).toBe(true);
    const stderr = execFileSync('sh', ['-c', `pdfinfo -struct-text "${out}" 2>&1 >/dev/null`], { encoding: 'utf8' });
    expect(stderr).toBe('');
  });
});

describe('pictures', () => {
  it('a picture is a Figure with its Markdown alt text; one without alt text is named by the doctor at its line', async () => {
    const deck = path.join(dir, 'pictures');
    await mkdir(deck);
    await writeFile(
      path.join(deck, 'cards.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><rect width="300" height="120" fill="#dbe4f0"/><circle cx="60" cy="60" r="40" fill="#1b3d6e"/></svg>',
    );
    await writeFile(
      path.join(deck, '01-pictures.md'),
      '---\ntitle: 图片\n---\n\n## 有说明的图片\n\n![三张卡片：特征一、特征二、特征三](cards.svg)\n\n---\n\n## 没有说明的图片\n\n![](cards.svg)\n',
    );
    const out = path.join(dir, 'pictures.pdf');
    const result = await runExport(['--slides', deck, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/01-pictures\.md:13: warning: image without alt text: cards\.svg/);
    expect(result.stderr).not.toMatch(/01-pictures\.md:7: warning/);
    const doc = await PDFDocument.load(await readFile(out), { updateMetadata: false });
    const figures: string[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('S'))?.toString() !== '/Figure') continue;
      const alt = obj.get(PDFName.of('Alt'));
      figures.push(alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : '');
    }
    expect(figures).toContain('三张卡片：特征一、特征二、特征三');
  });
});
