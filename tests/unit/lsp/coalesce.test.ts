// One run at a time: a burst of requests during a run makes one more run
// after it, and a run that fails does not stop the next.
import { describe, expect, it } from 'vitest';
import { Coalesced } from '../../../src/lsp/coalesce.ts';

describe('Coalesced', () => {
  it('runs at once when idle, and once more after a run for any number of requests during it', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const work = new Coalesced(async () => {
      runs++;
      await new Promise<void>((resolve) => (release = resolve));
    });
    const first = work.request();
    expect(runs).toBe(1);
    const later = [work.request(), work.request(), work.request()];
    expect(runs).toBe(1);
    release();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(2);
    release();
    await Promise.all(later);
    expect(runs).toBe(2);
  });

  it('goes on after a run that failed', async () => {
    let calls = 0;
    const work = new Coalesced(() => {
      calls++;
      return calls === 1 ? Promise.reject(new Error('half-typed')) : Promise.resolve();
    });
    const failed = work.request();
    const next = work.request();
    await expect(failed).rejects.toThrow('half-typed');
    await next;
    expect(calls).toBe(2);
  });
});
