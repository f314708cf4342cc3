// Wrong tokens are rate-limited per client address: after LIMIT wrong tokens
// within WINDOW_MS, that address gets 429 for every further wrong token until
// the window has passed. Only token guesses count (src/present/gate.ts): a
// refused session cookie does not, and the right token always gets in.
export const LIMIT = 10;
export const WINDOW_MS = 60_000;

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(address: string): number[] {
    const since = this.now() - WINDOW_MS;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length > 0) this.failures.set(address, list);
    else this.failures.delete(address);
    return list;
  }

  blocked(address: string): boolean {
    return this.recent(address).length >= LIMIT;
  }

  fail(address: string): void {
    const list = this.recent(address);
    list.push(this.now());
    this.failures.set(address, list);
  }
}
