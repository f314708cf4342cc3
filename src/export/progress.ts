// Progress of an export on stdout: one line per stage when stdout is not a
// terminal, a single line rewritten in place (\r) when it is; stage timings for
// --verbose.

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** Rewrite one line in place (default: whether the stream is a TTY). */
  tty?: boolean;
  /** Show the stages as they go (update); false: lines and timings only (export --watch prints one line a save). */
  updates?: boolean;
}

export class Progress {
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;
  private readonly updates: boolean;
  private lineOpen = false;
  private last = '';
  readonly timings: { stage: string; ms: number }[] = [];

  constructor(options: ProgressOptions = {}) {
    this.stream = options.stream ?? process.stdout;
    this.tty = options.tty ?? Boolean(this.stream.isTTY);
    this.updates = options.updates ?? true;
  }

  /**
   * A stage is under way. TTY: replaces the line. Plain: one line, repeats
   * skipped, and `transient` updates (counts still moving) not printed at all.
   */
  update(text: string, options: { transient?: boolean } = {}): void {
    if (!this.updates || text === this.last) return;
    if (!this.tty && options.transient) return;
    this.last = text;
    if (this.tty) {
      this.stream.write(`\r\x1b[2K${text}`);
      this.lineOpen = true;
    } else {
      this.stream.write(`${text}\n`);
    }
  }

  /** A line that stays (the summary, a warning): ends any in-place line first. */
  line(text: string, stream: NodeJS.WriteStream = this.stream): void {
    this.end();
    stream.write(`${text}\n`);
  }

  /** Ends the in-place line, if any (before printing errors). */
  end(): void {
    if (this.lineOpen) {
      this.stream.write('\r\x1b[2K');
      this.lineOpen = false;
    }
    this.last = '';
  }

  /** Times an async stage for --verbose. */
  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.timings.push({ stage, ms: performance.now() - started });
    }
  }

  /** Records a stage timed elsewhere. */
  record(stage: string, ms: number): void {
    this.timings.push({ stage, ms });
  }

  timingLines(): string[] {
    const width = Math.max(...this.timings.map((t) => t.stage.length), 0);
    return this.timings.map((t) => `  ${t.stage.padEnd(width)}  ${Math.round(t.ms).toString().padStart(6)} ms`);
  }
}
