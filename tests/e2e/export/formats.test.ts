// `npm run export` beyond the PDF, on the small fixture deck: the format from
// --out's ending or --format, PNG pictures in a folder (1920×1080 unless
// --width says otherwise), --range for both, and what export promises for
// every format: a failed export leaves the previous file in place, a folder
// that holds anyone's work is never replaced, contradicting options are an
// error with exit code 1.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../helpers/exportRun.ts';

const BASIC = 'tests/fixtures/basic';
const BAD = 'tests/fixtures/export-bad';

let dir: string;

const run = runExport;

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-pptx-png-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export --format png', () => {
  it('writes one 1920×1080 picture per slide of the range into the folder named by --out', async () => {
    const result = await run(['--slides', BASIC, '--range', '2-4', '--out', path.join(dir, 'talk.png')]);
    // The fixture's last slide has no title on purpose (its id comes from its text): the doctor says so, nothing else.
    expect(result.stderr.replace(/^.*02-body\.md:28: warning: slide without a title.*\n/m, '')).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/PNG written: .*talk\/ — 3 pictures \(3 slides\)|PNG written: .*talk\/ — 3 pictures/);
    const folder = path.join(dir, 'talk');
    expect((await readdir(folder)).sort()).toEqual(['slide-2.png', 'slide-3.png', 'slide-4.png']);
    expect(await pngSize(path.join(folder, 'slide-3.png'))).toEqual({ width: 1920, height: 1080 });
    // Not a blank page: a slide picture holds the slide's colours, so it is not tiny.
    expect((await readFile(path.join(folder, 'slide-2.png'))).length).toBeGreaterThan(15_000);
  });

  it('replaces its own earlier pictures, at the width asked for', async () => {
    const result = await run(['--slides', BASIC, '--format', 'png', '--range', '1', '--width', '1280', '--out', path.join(dir, 'talk')]);
    expect(result.code).toBe(0);
    const folder = path.join(dir, 'talk');
    expect(await readdir(folder)).toEqual(['slide-1.png']);
    expect(await pngSize(path.join(folder, 'slide-1.png'))).toEqual({ width: 1280, height: 720 });
  });

  it('never replaces a folder that holds anything but PNGs', async () => {
    const folder = path.join(dir, 'mine');
    await mkdir(folder);
    await writeFile(path.join(folder, 'notes.md'), 'mine');
    const result = await run(['--slides', BASIC, '--format', 'png', '--range', '1', '--out', folder]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/mine.*"notes\.md".*not replacing it/);
    expect(await readdir(folder)).toEqual(['notes.md']);
  });
});

describe('export to PowerPoint on the fixture deck', () => {
  it('takes the format from the ending and exports only the range', async () => {
    const file = path.join(dir, 'part.pptx');
    const result = await run(['--slides', BASIC, '--range', '2-3', '--out', file]);
    // The fixture's last slide has no title on purpose (its id comes from its text): the doctor says so, nothing else.
    expect(result.stderr.replace(/^.*02-body\.md:28: warning: slide without a title.*\n/m, '')).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/PPTX written: .*part\.pptx — 2 slides, [\d.]+ KB, [\d.]+ s/);
    const zip = await JSZip.loadAsync(await readFile(file));
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.length).toBe(2);
    // No half-written file left beside it.
    expect((await readdir(dir)).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('leaves the previous file in place when the deck has errors', async () => {
    const file = path.join(dir, 'keep.pptx');
    await writeFile(file, 'the good one');
    const result = await run(['--slides', BAD, '--out', file]);
    expect(result.code).toBe(1);
    expect(await readFile(file, 'utf8')).toBe('the good one');
  });

  it('refuses options that contradict the format, before any work', async () => {
    const clash = await run(['--slides', BASIC, '--format', 'pptx', '--out', path.join(dir, 'x.pdf')]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/--format pptx but --out .*x\.pdf ends in \.pdf \(see --help\)/);
    const notes = await run(['--slides', BASIC, '--notes', '--out', path.join(dir, 'x.pptx')]);
    expect(notes.code).toBe(1);
    expect(notes.stderr).toMatch(/--notes makes a PDF handout/);
    const unknown = await run(['--slides', BASIC, '--format', 'odp']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/--format: expected one of pdf, pptx, png/);
    expect(existsSync(path.join(dir, 'x.pptx'))).toBe(false);
  });
});
