// End to end: `npm run export -- --handout 3|6` on the fixture deck, with a
// real Chromium, read back with poppler and pdf-lib: A4 pages, header and
// footer, the slides as vector pages (text, no images, no Type 3 font) in the
// same rendering as the slide PDF (ImageMagick NCC), bookmarks per part to
// the handout pages, metadata; --notes and --range combined with it.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../helpers/exportRun.ts';
import { readInfo, readOutline } from '../../../../src/export/pdf/inspect.ts';
import { handoutLayout } from '../../../../src/export/handout/handoutLayout.ts';
import { parseExportArgs, ArgsError } from '../../../../src/export/args.ts';

const BASIC = 'tests/fixtures/basic';
let dir: string;

const run = runExport;

const tool = (name: string, ...args: string[]) => execFileSync(name, args, { encoding: 'utf8' });
const pageText = (file: string, page: number) => tool('pdftotext', '-f', String(page), '-l', String(page), file, '-');
/** pdftotext keeps no space next to Chinese: compare without whitespace. */
const flat = (text: string) => text.replace(/\s+/g, '');

const files: Record<string, string> = {};

async function exportTo(name: string, args: string[]): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  const result = await run(['--slides', BASIC, '--out', file, ...args]);
  if (result.code !== 0) throw new Error(`export ${name} failed (${result.code}):\n${result.stderr}`);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-handout-test-'));
  files.slides = await exportTo('slides', []);
  files.three = await exportTo('three', ['--handout', '3']);
  files.six = await exportTo('six', ['--handout', '6', '--notes', '--range', '2-5']);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--handout 3', () => {
  it('is A4 portrait, three slides a page', () => {
    const info = tool('pdfinfo', files.three);
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)$/m);
  });

  it('has the header (short title, date) and footer 第 N 页 / 共 M 页 on every page', () => {
    for (const [n, text] of [pageText(files.three, 1), pageText(files.three, 2)].entries()) {
      expect(text.split('\n').filter(Boolean).slice(0, 2)).toEqual(['测试', '2021-09-17']);
      expect(flat(text)).toContain(`第${n + 1}页/共2页`);
    }
  });

  it('places the slides as vector pages: their text is text, with captions, no images', () => {
    const first = flat(pageText(files.three, 1));
    for (const words of [
      '测试幻灯片',
      '提纲',
      '第三张幻灯片',
      '产业技术联盟：是指一个产业中互相分工的组织形式。',
      '第二点',
      '1测试幻灯片',
      '3第三张幻灯片',
    ]) {
      expect(first).toContain(words);
    }
    expect(pageText(files.three, 2)).toContain('基础研究');
    expect(pageText(files.three, 2)).toContain('右栏文字');
    expect(tool('pdfimages', '-list', files.three).trim().split('\n')).toHaveLength(2); // header lines only
  });

  it('embeds TrueType fonts only, no Type 3', () => {
    const fonts = tool('pdffonts', files.three);
    expect(fonts).toMatch(/NotoSansSC/);
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/CID TrueType.*\byes\s+yes\s+yes\b/);
  });

  it('shows each slide as the slide PDF does (ImageMagick NCC)', () => {
    // Slide 3 sits in page 1’s third slot: render both and compare.
    const box = handoutLayout(3, false).slots[2].slide;
    const dpi = 144;
    const px = (pt: number) => Math.round((pt * dpi) / 72);
    const page = path.join(dir, 'page');
    tool(
      'pdftoppm',
      '-r',
      String(dpi),
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      '-x',
      String(px(box.x)),
      '-y',
      String(px(box.y)),
      '-W',
      String(px(box.width)),
      '-H',
      String(px(box.height)),
      files.three,
      page,
    );
    const slide = path.join(dir, 'slide');
    tool(
      'pdftoppm',
      '-png',
      '-f',
      '3',
      '-l',
      '3',
      '-singlefile',
      '-scale-to-x',
      String(px(box.width)),
      '-scale-to-y',
      String(px(box.height)),
      files.slides,
      slide,
    );
    let ncc: string;
    try {
      ncc = execFileSync('compare', ['-metric', 'NCC', `${page}.png`, `${slide}.png`, 'null:'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      ncc = String((error as { stderr?: string }).stderr ?? '');
    }
    expect(Number.parseFloat(ncc)).toBeGreaterThan(0.95);
  });

  it('has bookmarks per part and slide title pointing at the handout pages, and the metadata', async () => {
    const doc = await PDFDocument.load(await readFile(files.three), { updateMetadata: false });
    expect(readOutline(doc)).toEqual([
      {
        title: '测试幻灯片',
        page: 0,
        children: [
          { title: '测试幻灯片', page: 0, children: [] },
          { title: '提纲', page: 0, children: [] },
        ],
      },
      {
        title: '一、正文部分',
        page: 0,
        children: [
          { title: '第三张幻灯片', page: 0, children: [] },
          { title: '流程图', page: 1, children: [] },
        ],
      },
    ]);
    expect(readInfo(doc)).toMatchObject({ title: '测试幻灯片', author: '测试者', subject: '夹具', creator: 'iur-deck', lang: 'zh-CN' });
  });
});

describe('--handout 6 --notes --range 2-5', () => {
  it('puts the chosen slides in a 2×3 grid on one page, each with its notes instead of lines', () => {
    expect(tool('pdfinfo', files.six)).toMatch(/^Pages:\s+1$/m);
    const text = flat(pageText(files.six, 1));
    expect(text).toContain('第1页/共1页');
    expect(text).toContain('提纲的备注');
    expect(text).toContain('第三张的备注');
    expect(text).toContain('右栏文字');
    expect(text).not.toContain('夹具'); // slide 1 is outside the range
  });

  it('refuses a size other than 3 or 6, and --fragments', () => {
    expect(() => parseExportArgs(['--handout', '4'])).toThrow(ArgsError);
    expect(() => parseExportArgs(['--handout', '3', '--fragments'])).toThrow(/--fragments/);
    expect(parseExportArgs(['--handout', '6'])).toMatchObject({ handout: 6 });
  });
});
