// Rehearsal timing (key R, in the deck or its speaker view): records how long
// each slide stays on screen, fragment steps included, and shows the running
// total against the front matter's duration in the speaker view. When it
// ends the times go on the slides as reveal.js data-timing (the speaker
// view's pacing uses them at once), into localStorage, and — in dev — to the
// dev server, which merges them into slides/rehearsal.json; a built deck offers the
// file as a download instead. A rehearsal updates the slides it timed and
// keeps the others' times; Shift+R (重新彩排) starts from empty on purpose. Slides are keyed by data-slide-id
// (src/rehearsal/slideIds.ts). Time is Date.now(), which tests replace.
import type { RevealApi } from 'reveal.js';
import { REHEARSAL, clockText } from '../shared/pageWords.ts';

const ENDPOINT = '/__iur/rehearsal';
const KEY_CODE = 82; // R

export interface RehearsalData {
  version: 1;
  recorded: string;
  slides: Record<string, number>;
}

type Outcome = { state: 'saving' } | { state: 'saved'; where: string } | { state: 'local'; url: string } | { state: 'failed'; why: string };

declare global {
  interface Window {
    /** The rehearsal's state, for tests and tools. */
    __iurRehearsal?: { running: boolean; last?: RehearsalData; outcome?: Outcome };
  }
}

function storageKey(): string {
  return `iur-deck-rehearsal:${document.title}`;
}

function slideId(slide: Element | undefined): string | undefined {
  return slide instanceof HTMLElement ? slide.dataset.slideId : undefined;
}

/** Puts rehearsed times on the slides as reveal.js data-timing (whole seconds); `only`: the others lose theirs. */
export function applyTimings(times: Record<string, number>, only = false): void {
  for (const section of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section[data-slide-id]'))) {
    const seconds = times[section.dataset.slideId ?? ''];
    if (seconds !== undefined) section.dataset.timing = String(Math.max(1, Math.round(seconds)));
    else if (only) delete section.dataset.timing;
  }
}

/** The times kept in this browser, if any. */
function storedTimes(): Record<string, number> {
  try {
    const stored = localStorage.getItem(storageKey());
    return stored ? (JSON.parse(stored) as RehearsalData).slides : {};
  } catch {
    return {}; /* nothing stored, or not ours */
  }
}

class Recorder {
  running = false;
  /** 重新彩排: the times replace every earlier one instead of updating the slides timed. */
  fresh = false;
  times: Record<string, number> = {};
  private current: string | undefined;
  private since = 0;
  last: RehearsalData | undefined;
  outcome: Outcome | undefined;

  constructor(private readonly deck: RevealApi) {
    deck.on('slidechanged', () => this.switchTo(slideId(deck.getCurrentSlide())));
  }

  private settle(now: number): void {
    if (this.current !== undefined) this.times[this.current] = (this.times[this.current] ?? 0) + (now - this.since) / 1000;
    this.since = now;
  }

  private switchTo(id: string | undefined): void {
    if (!this.running) return;
    this.settle(Date.now());
    this.current = id;
  }

  start(fresh: boolean): void {
    this.times = {};
    this.fresh = fresh;
    this.running = true;
    this.outcome = undefined;
    this.current = slideId(this.deck.getCurrentSlide());
    this.since = Date.now();
  }

  stop(): RehearsalData {
    this.settle(Date.now());
    this.running = false;
    const slides: Record<string, number> = {};
    for (const [id, seconds] of Object.entries(this.times)) slides[id] = Math.round(seconds * 10) / 10;
    this.last = { version: 1, recorded: new Date(Date.now()).toISOString(), slides };
    return this.last;
  }

  /** Seconds on the current slide so far, and in all. */
  elapsed(): { slide: number; total: number } {
    const running = this.running ? (Date.now() - this.since) / 1000 : 0;
    const done = Object.values(this.times).reduce((a, b) => a + b, 0);
    return { slide: (this.current !== undefined ? (this.times[this.current] ?? 0) : 0) + running, total: done + running };
  }
}

async function keep(data: RehearsalData, fresh: boolean): Promise<Outcome> {
  // What this browser keeps, and what it offers for download: merged like the dev server's file.
  const whole: RehearsalData = fresh ? data : { ...data, slides: { ...storedTimes(), ...data.slides } };
  try {
    localStorage.setItem(storageKey(), JSON.stringify(whole));
  } catch {
    /* private mode, quota: the file still gets written or offered */
  }
  // import.meta.hot: only under the dev server (import.meta.env.DEV follows NODE_ENV, which a test run sets).
  if (import.meta.hot) {
    try {
      const response = await fetch(fresh ? `${ENDPOINT}?fresh=1` : ENDPOINT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
      });
      const text = await response.text();
      return response.ok ? { state: 'saved', where: text } : { state: 'failed', why: text };
    } catch (error) {
      return { state: 'failed', why: error instanceof Error ? error.message : String(error) };
    }
  }
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(whole, null, 2)}\n`], { type: 'application/json' }));
  return { state: 'local', url };
}

const PANEL_CSS = `.iur-rehearsal{padding:10px 16px;border-bottom:1px solid rgba(200,200,200,.5);font-size:.8em;color:#444;line-height:1.5}
.iur-rehearsal.running{color:#b00020;font-weight:700}
.iur-rehearsal a{color:#1f4e79;margin-left:.5em}`;

export interface Rehearsing {
  toggle: (fresh?: boolean) => void;
  /** Adds the rehearsal line to a speaker view window and takes R there too. */
  attach: (doc: Document) => void;
}

export function setUpRehearsal(deck: RevealApi): Rehearsing | undefined {
  // The speaker view's previews (?receiver) and the print view do not rehearse.
  if (/receiver|print-pdf/i.test(location.search)) return undefined;
  const recorder = new Recorder(deck);
  const state = (window.__iurRehearsal = { running: false } as NonNullable<Window['__iurRehearsal']>);
  const panels = new Set<HTMLElement>();

  applyTimings(storedTimes());

  const render = (): void => {
    const planned = (deck.getConfig() as { totalTime?: number }).totalTime;
    const plan = planned ? ` / ${REHEARSAL.planned} ${clockText(planned)}` : '';
    for (const panel of panels) {
      if (!panel.isConnected || panel.ownerDocument.defaultView?.closed) {
        panels.delete(panel);
        continue;
      }
      const { slide, total } = recorder.elapsed();
      panel.classList.toggle('running', recorder.running);
      const outcome = recorder.outcome;
      if (recorder.running) {
        panel.textContent = `${recorder.fresh ? REHEARSAL.fresh : REHEARSAL.running} · ${REHEARSAL.slide} ${clockText(slide)} · ${REHEARSAL.total} ${clockText(total)}${plan}`;
      } else if (!outcome) {
        panel.textContent = REHEARSAL.idle;
      } else {
        const head = `${REHEARSAL.ended} · ${REHEARSAL.total} ${clockText(total)}${plan} · `;
        if (outcome.state === 'local') {
          if (panel.dataset.url === outcome.url) continue;
          panel.dataset.url = outcome.url;
          const link = panel.ownerDocument.createElement('a');
          link.href = outcome.url;
          link.download = 'rehearsal.json';
          link.textContent = REHEARSAL.download;
          panel.replaceChildren(`${head}${REHEARSAL.local}`, link);
          continue;
        }
        panel.textContent =
          head +
          (outcome.state === 'saving'
            ? REHEARSAL.saving
            : outcome.state === 'saved'
              ? `${REHEARSAL.saved} ${outcome.where}`
              : `${REHEARSAL.failed}${outcome.why}`);
      }
    }
  };
  let timer: number | undefined;

  const toggle = (fresh = false): void => {
    if (!recorder.running) {
      recorder.start(fresh);
      state.running = true;
      state.outcome = undefined;
      timer ??= window.setInterval(render, 250);
      render();
      return;
    }
    const data = recorder.stop();
    state.running = false;
    state.last = data;
    applyTimings(data.slides, recorder.fresh);
    recorder.outcome = state.outcome = { state: 'saving' };
    render();
    void keep(data, recorder.fresh).then((outcome) => {
      recorder.outcome = state.outcome = outcome;
      render();
    });
  };

  deck.addKeyBinding({ keyCode: KEY_CODE, key: REHEARSAL.key, description: REHEARSAL.help }, () => toggle(false));
  // reveal.js ignores every Shift+letter: Shift+R (重新彩排, a fresh rehearsal) is taken here.
  document.addEventListener('keydown', (event) => {
    if (event.keyCode === KEY_CODE && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) toggle(true);
  });

  const attach = (doc: Document): void => {
    if (doc.querySelector('.iur-rehearsal')) return;
    const style = doc.createElement('style');
    style.textContent = PANEL_CSS;
    doc.head.appendChild(style);
    const panel = doc.createElement('div');
    panel.className = 'iur-rehearsal';
    panel.setAttribute('role', 'status');
    doc.getElementById('speaker-controls')?.prepend(panel);
    panels.add(panel);
    // The speaker view sends its keys to its preview, not to this deck: take R here.
    doc.addEventListener('keydown', (event) => {
      if (event.keyCode === KEY_CODE && !event.ctrlKey && !event.metaKey && !event.altKey) toggle(event.shiftKey);
    });
    timer ??= window.setInterval(render, 250);
    render();
  };
  return { toggle, attach };
}
