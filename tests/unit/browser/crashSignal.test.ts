// The crash signal that export races its browser work against: the work's
// result when it comes first, the crash when that does (for work running then
// and raced later), and nothing kept of settled work — Promise.race against
// one long-lived promise kept every save's PDF in `export --watch`.
import { describe, expect, it } from 'vitest';
import { crashSignal, raceCrash } from '../../../src/browser/crashSignal.ts';

describe('crashSignal', () => {
  it("gives the work's result, or its error", async () => {
    const crash = crashSignal();
    await expect(crash.race(Promise.resolve(42))).resolves.toBe(42);
    await expect(raceCrash(Promise.reject(new Error('no')), crash.promise)).rejects.toThrow('no');
  });

  it('rejects running and later work with the crash', async () => {
    const crash = crashSignal();
    const running = crash.race(new Promise(() => {}));
    crash.fail(new Error('the browser exited unexpectedly'));
    await expect(running).rejects.toThrow('the browser exited unexpectedly');
    await expect(crash.race(Promise.resolve(1))).rejects.toThrow('the browser exited unexpectedly');
    await expect(crash.promise).rejects.toThrow('the browser exited unexpectedly');
  });

  it('keeps no listener for settled work (what made --watch grow by a PDF a save)', async () => {
    const crash = crashSignal();
    for (let i = 0; i < 1000; i++) await crash.race(Promise.resolve(new Uint8Array(10)));
    // One piece of work still running: the crash reaches it, and only it.
    let reached = 0;
    const running = crash.race(new Promise(() => {})).catch(() => reached++);
    crash.fail(new Error('crash'));
    await running;
    expect(reached).toBe(1);
  });

  it('a plain promise still races as Promise.race does', async () => {
    await expect(raceCrash(Promise.resolve('x'), new Promise<never>(() => {}))).resolves.toBe('x');
  });
});
