// @vitest-environment happy-dom
// The doctor reads layout only once the fonts have settled: while a font is
// loading (a new subset after a save), and while a load that started
// meanwhile runs, it waits; then one frame more.
import { describe, expect, it } from 'vitest';
import { layoutSettled, type Fonts } from '../../../../src/client/doctor/settle.ts';

/** A font set whose loads the test starts and finishes itself: loading while any load runs. */
function fontSet(): Fonts & { start: () => () => void } {
  let running = 0;
  const set = {
    status: 'loaded' as FontFaceSetLoadStatus,
    ready: Promise.resolve() as Promise<unknown>,
    /** Starts a load; returns what ends it. */
    start: () => {
      running++;
      set.status = 'loading';
      let end = () => {};
      set.ready = new Promise((resolve) => {
        end = () => {
          running--;
          if (running === 0) set.status = 'loaded';
          resolve(undefined);
        };
      });
      return end;
    },
  };
  return set;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('layoutSettled', () => {
  it('waits while a font loads, and for a load that starts meanwhile, then a frame', async () => {
    const fonts = fontSet();
    const endFirst = fonts.start();
    let frames = 0;
    let settled = false;
    void layoutSettled(fonts, () => {
      frames++;
      return Promise.resolve();
    }).then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    // The first load ends while another runs (new characters in the next save): still waiting.
    const endSecond = fonts.start();
    endFirst();
    await tick();
    expect(settled).toBe(false);
    endSecond();
    await tick();
    expect(settled).toBe(true);
    expect(frames).toBe(1);
  });

  it('goes on at once, after a frame, when nothing is loading', async () => {
    let frames = 0;
    await layoutSettled({ status: 'loaded', ready: Promise.resolve() }, () => {
      frames++;
      return Promise.resolve();
    });
    expect(frames).toBe(1);
  });
});
