// Unit tests of cutting bitmap pictures out of one screenshot per slide
// (src/export/pptx/pictureShots.ts): the region that holds a slide's
// pictures, and each picture's pixels cut from it at the screenshot's scale.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { crop, unionOf } from '../../../../src/export/pptx/pictureShots.ts';

describe('pictureShots', () => {
  it('takes the smallest whole-pixel region that holds every picture', () => {
    expect(
      unionOf([
        { x: 10.5, y: 20, w: 30, h: 10 },
        { x: 100, y: 5.2, w: 20.1, h: 5 },
      ]),
    ).toEqual({ x: 10, y: 5, w: 111, h: 25 });
  });

  it('cuts a picture out of the region at its scale', () => {
    // A 40×20 shot (a 20×10 region at 2×): red left half, blue right half.
    const shot = new PNG({ width: 40, height: 20 });
    for (let y = 0; y < 20; y++) {
      for (let x = 0; x < 40; x++) {
        const i = (y * 40 + x) * 4;
        shot.data.set(x < 20 ? [255, 0, 0, 255] : [0, 0, 255, 255], i);
      }
    }
    const png = PNG.sync.read(Buffer.from(crop(shot, { x: 100, y: 50, w: 20, h: 10 }, { x: 110, y: 52, w: 5, h: 4 }, 2)));
    expect([png.width, png.height]).toEqual([10, 8]);
    expect([...png.data.subarray(0, 4)]).toEqual([0, 0, 255, 255]);
  });
});
