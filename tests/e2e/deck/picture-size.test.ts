// Pictures too large to need: a 20000×20000 PNG (400 megapixels) and a 51 MB
// file are errors at their lines, for check and build alike, and nothing is
// built. A 6000×6000 photo in a box of a few hundred pixels goes into the PDF
// (and the PowerPoint file) at no more than twice the pixels it fills —
// pdfimages reads the embedded size back — while the source file is left as
// it is. sharp (libvips) is loaded by that export, and by no command that has
// no bitmap to make smaller. The PNGs are made here: a real 1-bit
// 20000×20000 PNG is small to store.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
const cli = (...args: string[]) => spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], { encoding: 'utf8', timeout: 180_000 });
/** Runs a command; resolves to whether it loaded sharp's native libraries (tests/helpers/nativeLibraries.cjs). */
function loadsSharp(...args: string[]): boolean {
  const run = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], {
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, NODE_OPTIONS: `--require ${path.resolve('tests/helpers/nativeLibraries.cjs')}` },
  });
  const line = /^NATIVE-LIBRARIES: (.+)$/m.exec(run.stderr)?.[1];
  if (run.status !== 0 || !line) throw new Error(`${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  return (JSON.parse(line) as string[]).some((lib) => /sharp|libvips/.test(lib));
}
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
  return out;
}

/** A valid black-and-white PNG of width × height (1 bit per pixel, all white). */
function bilevelPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const stride = 1 + Math.ceil(width / 8);
  const raw = Buffer.alloc(stride * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * stride] = 0; // each row's filter: none
  const data = zlib.deflateSync(raw, { level: 6 });
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

/** A 6000×6000 photo-like PNG: coloured blocks, 100 px each. */
async function bigPhoto(file: string): Promise<void> {
  const tile = Buffer.alloc(60 * 60 * 3);
  for (let i = 0; i < 60 * 60; i++) tile.set([(i * 37) % 256, (i * 91) % 256, (i * 53) % 256], i * 3);
  await sharp(tile, { raw: { width: 60, height: 60, channels: 3 } })
    .resize(6000, 6000, { kernel: 'nearest' })
    .png({ compressionLevel: 6 })
    .toFile(file);
}

const FRONT = '---\ntitle: 大图\ndate: 2021-09-17\n---\n';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'iur-picture-size-'));
  const limits = path.join(dir, 'limits');
  mkdirSync(limits);
  writeFileSync(path.join(limits, 'huge.png'), bilevelPng(20000, 20000));
  // 51 MB: a small PNG followed by padding (the limit is on the file's bytes).
  writeFileSync(path.join(limits, 'heavy.png'), Buffer.concat([bilevelPng(100, 100), Buffer.alloc(51 * 1024 * 1024)]));
  writeFileSync(path.join(limits, '01-talk.md'), `${FRONT}\n## 太大的图\n\n![大](huge.png)\n\n---\n\n## 太重的图\n\n![重](heavy.png)\n`);
  const photo = path.join(dir, 'photo');
  mkdirSync(photo);
  await bigPhoto(path.join(photo, 'photo.png'));
  writeFileSync(path.join(photo, '01-talk.md'), `${FRONT}\n## 一张很大的照片\n\n一行文字在照片上面。\n\n![照片](photo.png)\n`);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a picture over the limits', () => {
  it('is an error at its line, for check and for build; nothing is built', () => {
    const slides = path.join(dir, 'limits');
    const md = path.join(slides, '01-talk.md');
    for (const command of ['check', 'build']) {
      const out = path.join(dir, `out-${command}`);
      const run = cli(command, '--slides', slides, ...(command === 'build' ? ['--out', out] : []));
      const text = `${run.stdout}${run.stderr}`;
      expect(run.status, text).toBe(1);
      expect(text).toContain(
        `${md}:8: error: picture huge.png is 20000×20000 px (400 megapixels); a picture may have at most 100 megapixels (scale it down: a slide shows at most 2560×1440 px of it)`,
      );
      expect(text).toMatch(
        new RegExp(`${md.replace(/[.]/g, '\\.')}:14: error: picture heavy\\.png is 51\\.0 MB; a picture may be at most 50\\.0 MB`),
      );
      expect(text).not.toMatch(/did not load/);
      if (command === 'build') expect(spawnSync('ls', [out]).status).not.toBe(0);
    }
  });
});

describe('a 6000×6000 photo in an export', () => {
  it('goes into the PDF at no more than twice the pixels it fills; the source is left as it is', () => {
    const slides = path.join(dir, 'photo');
    const source = path.join(slides, 'photo.png');
    const before = hash(source);
    const pdf = path.join(dir, 'photo.pdf');
    const run = cli('export', '--slides', slides, '--out', pdf, '--debug');
    expect(run.status, run.stderr).toBe(0);
    const list = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout;
    const images = list
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f[2] === 'image')
      .map((f) => [Number(f[3]), Number(f[4])]);
    expect(images.length, list).toBe(1);
    for (const [iw, ih] of images) expect(Math.max(iw, ih), list).toBeLessThanOrEqual(2560);
    // The box it fills, as the export says with --debug: the embedded size is twice it, no more.
    const said = /photo\.png: 6000×6000 → (\d+)×(\d+) px for a (\d+)×(\d+) px box/.exec(run.stderr);
    expect(said, run.stderr).not.toBeNull();
    const [w, h, boxW, boxH] = (said ?? []).slice(1).map(Number);
    expect(w).toBeLessThanOrEqual(2 * boxW);
    expect(h).toBeLessThanOrEqual(2 * boxH);
    expect(w).toBeGreaterThanOrEqual(2 * boxW - 2);
    expect(images[0]).toEqual([w, h]);
    expect(hash(source)).toBe(before);
  });

  it('and into the PowerPoint file no larger', () => {
    const pptx = path.join(dir, 'photo.pptx');
    const run = cli('export', '--slides', path.join(dir, 'photo'), '--out', pptx);
    expect(run.status, run.stderr).toBe(0);
    const media = spawnSync('unzip', ['-Z1', pptx], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((f) => /^ppt\/media\/.+\.(png|jpe?g)$/.test(f));
    expect(media.length).toBeGreaterThan(0);
    for (const part of media) {
      const bytes = spawnSync('unzip', ['-p', pptx, part], { maxBuffer: 256 * 1024 * 1024 }).stdout;
      const size = imageSize(bytes);
      expect(Math.max(size.width, size.height), part).toBeLessThanOrEqual(2560);
    }
  });

  it('sharp is loaded by an export with a bitmap to make smaller, and by nothing else', () => {
    const photo = path.join(dir, 'photo');
    expect(loadsSharp('export', '--slides', photo, '--out', path.join(dir, 'again.pdf'))).toBe(true);
    expect(loadsSharp('check', '--slides', photo)).toBe(false);
    expect(loadsSharp('build', '--slides', photo, '--out', path.join(dir, 'photo-dist'))).toBe(false);
    expect(loadsSharp('export', '--slides', 'tests/fixtures/pictures-untrusted', '--out', path.join(dir, 'svg-only.pdf'))).toBe(false);
  });
});
