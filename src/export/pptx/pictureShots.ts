// The PNG of every picture (an SVG's fallback, or a bitmap itself), taken in
// one screenshot per slide: the region that holds the slide's pictures is
// captured once at the pictures' scale, and each picture cut out of it in
// Node (pngjs) instead of one screenshot per icon and diagram.
import type { Page } from 'puppeteer';
import { PNG } from 'pngjs';
import { screenshotRegion, type Region } from '../print/screenshot.ts';
import type { Box } from '../../shared/slideData.ts';

/** The smallest region holding all the boxes, on whole CSS px. */
export function unionOf(boxes: Box[]): Region {
  const x = Math.floor(Math.min(...boxes.map((b) => b.x)));
  const y = Math.floor(Math.min(...boxes.map((b) => b.y)));
  const r = Math.ceil(Math.max(...boxes.map((b) => b.x + b.w)));
  const b = Math.ceil(Math.max(...boxes.map((c) => c.y + c.h)));
  return { x, y, w: r - x, h: b - y };
}

/** Cuts one box out of a screenshot of `region` taken at `scale` device px per CSS px. */
export function crop(shot: PNG, region: Region, box: Box, scale: number): Uint8Array {
  const sx = Math.max(0, Math.round((box.x - region.x) * scale));
  const sy = Math.max(0, Math.round((box.y - region.y) * scale));
  const w = Math.max(1, Math.min(shot.width - sx, Math.round(box.w * scale)));
  const h = Math.max(1, Math.min(shot.height - sy, Math.round(box.h * scale)));
  const out = new PNG({ width: w, height: h });
  PNG.bitblt(shot, out, sx, sy, w, h, 0, 0);
  return PNG.sync.write(out, { deflateLevel: 3 });
}

/** One screenshot per slide, each picture's PNG cut from it, in the order given. */
export async function pictureShots(
  page: Page,
  slides: Box[][],
  scale: number,
  race: <T>(p: Promise<T>) => Promise<T>,
): Promise<Uint8Array[]> {
  const shots: Uint8Array[] = [];
  for (const clips of slides) {
    if (clips.length === 0) continue;
    const region = unionOf(clips);
    const shot = PNG.sync.read(Buffer.from(await race(screenshotRegion(page, region, true))));
    // The screenshot is on whole device px: its own size gives the scale it was taken at.
    const actual = shot.width / region.w || scale;
    for (const clip of clips) shots.push(crop(shot, region, clip, actual));
  }
  return shots;
}
