// `npm run shots`: the pictures of the deck in the README, made from the talk
// as it exports today: a contact sheet of every slide and two slides at full
// size, written to assets/readme/. Exports the PDF (the user's own command),
// then renders pages with poppler's pdftoppm and tiles them with ImageMagick's
// montage (both needed here only, not by the deck or the tests).
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exportCommand } from '../export/command.ts';

const OUT = 'assets/readme';
/** Slides shown at full size, by their title (the first line of the page's text). */
const FULL_SIZE = [
  { title: '特征', file: 'slide-cards.png' },
  { title: '案例：国家新能源汽车技术创新中心（1/2）', file: 'slide-diagram.png' },
];
/** Contact-sheet thumbnails: 1280×720 pages at 18 dpi of their 960×540 pt are 240×135 px. */
const THUMB_DPI = 18;
/** Full size: 96 dpi of 960×540 pt is 1280×720 px, the slide's own size. */
const FULL_DPI = 96;

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** 1-based page numbers whose first line of text is `title`. */
function pageOf(pdf: string, title: string): number {
  const pages = run('pdftotext', ['-enc', 'UTF-8', '-layout', pdf, '-']).split('\f');
  const at = pages.findIndex((text) => text.trim().split('\n')[0]?.trim() === title);
  if (at < 0) throw new Error(`shots: no slide titled «${title}» in the export`);
  return at + 1;
}

async function main(): Promise<number> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'iur-shots-'));
  try {
    const pdf = path.join(work, 'deck.pdf');
    const code = await exportCommand(['--slides', 'slides', '--out', pdf]);
    if (code !== 0) return code;
    await mkdir(OUT, { recursive: true });

    run('pdftoppm', ['-r', String(THUMB_DPI), '-png', pdf, path.join(work, 'thumb')]);
    const thumbs = (await readdir(work))
      .filter((f) => f.startsWith('thumb'))
      .sort()
      .map((f) => path.join(work, f));
    const sheet = path.join(work, 'contact-sheet.png');
    run('montage', [...thumbs, '-tile', '6x', '-geometry', '+6+6', '-background', '#c9d1dc', sheet]);
    // A few flat colours, no dithering: the slides' palette is small, so the file stays small (≈130 KB).
    run('convert', [sheet, '+dither', '-colors', '48', path.join(OUT, 'contact-sheet.png')]);

    for (const { title, file } of FULL_SIZE) {
      const page = pageOf(pdf, title);
      const base = path.join(work, `full-${page}`);
      run('pdftoppm', ['-r', String(FULL_DPI), '-f', String(page), '-l', String(page), '-singlefile', '-png', pdf, base]);
      run('convert', [`${base}.png`, '+dither', '-colors', '64', `${base}-q.png`]);
      await copyFile(`${base}-q.png`, path.join(OUT, file));
    }
    console.log(`shots: ${thumbs.length} slides on ${OUT}/contact-sheet.png; ${FULL_SIZE.map((f) => `${OUT}/${f.file}`).join(', ')}`);
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
