// Layout diagnostics on save: the browser doctor of `check` and `export`
// (overflow, labels too small, missing glyphs, a picture that did not load)
// in one warm Chromium kept by the server, as `export --watch` keeps one: the
// export pipeline's session (src/export/pipeline/session.ts) and print view
// (page.ts), which loads the deck once and then swaps the changed slides into
// the open page. The client shell, when it is not cached, is built in a
// child process that exits (shellProcess.ts), never in the server; the page
// has the whole bundled font, no subset is made here (writeFullFontFiles). A
// Chromium that dies is started again once; if it dies again (or there is
// none), layout checks are unavailable and say so once, and the parse-level
// checks go on. Chromium ends with the server (Puppeteer's exit handler, the
// pipe it talks over, src/process/exitCleanup.ts).
import { DeckError } from '../deck/model.ts';
import { buildInto } from '../export/pipeline/build.ts';
import { uniqueFindings } from '../export/pipeline/gate.ts';
import { PrintView } from '../export/pipeline/page.ts';
import { startSession, type Session } from '../export/pipeline/session.ts';
import { Progress } from '../export/progress.ts';
import { missingGlyphs } from '../font/glyphs.ts';
import type { Problem } from '../shared/problem.ts';
import { shellOutOfProcess } from './shellProcess.ts';

/** How long a layout may take before the check gives up on this save. */
const TIMEOUT_MS = 60_000;

export interface LayoutEvents {
  /** Layout checks stopped for good, and why (said once). */
  unavailable: (why: string) => void;
  /** A line for the server's log. */
  log: (line: string) => void;
}

interface Running {
  session: Session;
  view: PrintView;
  /** Whether Chromium is gone. */
  dead: () => boolean;
  /** Resolves once Chromium is gone and that has been taken into account. */
  gone: Promise<void>;
}

export class LayoutChecker {
  private running?: Running;
  private deaths = 0;
  private closing = false;
  private off?: string;
  /** How Chromium was started (for the bench and the tests): each start, in order. */
  readonly starts: number[] = [];

  constructor(
    private readonly slidesDir: string,
    private readonly events: LayoutEvents,
  ) {}

  /** Why layout checks are off, or undefined while they run. */
  get unavailable(): string | undefined {
    return this.off;
  }

  /** Starts Chromium now, so that the first save finds it warm. */
  warm(): void {
    if (!this.off && !this.running) this.start();
  }

  /** The doctor's findings on the deck as saved; undefined when layout checks are off (or the deck cannot be built). */
  async check(): Promise<Problem[] | undefined> {
    for (let attempt = 0; attempt < 2 && !this.off; attempt++) {
      const running = this.running ?? this.start();
      if (!running) return undefined;
      try {
        return await this.inspect(running);
      } catch (error) {
        if (error instanceof DeckError) return undefined;
        // A page that failed because Chromium went away: wait for that to be counted, then once more if allowed.
        await Promise.race([running.gone, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
        if (!running.dead()) {
          this.events.log(`layout check failed: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }
      }
    }
    return undefined;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.running?.session.close();
    this.running = undefined;
  }

  private async inspect(running: Running): Promise<Problem[]> {
    const progress = new Progress({ stream: process.stderr, updates: false, tty: false });
    const built = await buildInto(running.session, this.slidesDir, {
      verifyDiagrams: false,
      keepGoing: true,
      shell: shellOutOfProcess,
      fullFont: true,
    });
    const render = { notes: false, fragments: false, selected: null, timeoutMs: TIMEOUT_MS };
    const shown = await running.view.show(built, { fragments: false }, render, progress);
    const findings = uniqueFindings([...missingGlyphs(built.deck), ...shown.findings]);
    running.view.settle(built, findings);
    return findings;
  }

  private start(): Running | undefined {
    let session: Session;
    try {
      session = startSession(new Progress({ stream: process.stderr, updates: false, tty: false }));
    } catch (error) {
      this.stop(`no Chromium to lay the slides out: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return undefined;
    }
    let dead = false;
    let markGone: () => void = () => {};
    const gone = new Promise<void>((resolve) => (markGone = resolve));
    const running: Running = { session, view: new PrintView(session), dead: () => dead, gone };
    this.running = running;
    this.starts.push(Date.now());
    // Chromium gone, whether it died at launch or later: started again at the next check, once.
    const died = (how: string) => {
      dead = true;
      if (this.closing || this.running !== running) return;
      this.running = undefined;
      void session.close();
      this.deaths++;
      this.events.log(`Chromium ${how} (${this.deaths === 1 ? 'starting it again at the next check' : 'the second time'})`);
      if (this.deaths >= 2) this.stop(`Chromium ended twice (last: ${how})`);
    };
    session
      .browser()
      .then(() => session.closed)
      .then(
        () => died('ended'),
        (error: unknown) => died(`did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`),
      )
      .finally(markGone);
    return running;
  }

  private stop(why: string): void {
    if (this.off) return;
    this.off = why;
    this.events.unavailable(`layout checks (overflow, text size, glyphs, pictures) are unavailable: ${why}; the other checks go on`);
  }
}
