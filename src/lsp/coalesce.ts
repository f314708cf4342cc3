// One run at a time, and no run wasted: a request while a run is under way
// asks for one more run after it, however many requests came meanwhile (a
// burst of keystrokes or saves is one check of the latest text, not one each).
// The keystroke's own check starts at once when nothing runs: no fixed delay
// is added to what the author waits for.
export class Coalesced {
  private running?: Promise<void>;
  private next?: Promise<void>;

  constructor(private readonly work: () => Promise<void>) {}

  /** Resolves when a run that started after this request has finished. */
  request(): Promise<void> {
    if (!this.running) return this.start();
    this.next ??= this.running
      .catch(() => {})
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  /** The run under way (and the one queued after it), if any. */
  settled(): Promise<void> {
    return (this.next ?? this.running ?? Promise.resolve()).catch(() => {});
  }

  private start(): Promise<void> {
    const run = this.work().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}
