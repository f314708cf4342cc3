// The phone page (/phone): a remote (上一页/下一页, swipe, black screen, jump
// from the slide list) or, with a follow link, a read-only view; the current
// and next slide small, the notes large, elapsed time, clock and pacing. It
// keeps the screen awake and says plainly whether it is connected. It holds
// no state of its own: what it shows is the server's state of the talk.
import NoSleep from 'nosleep.js';
import type { RevealApi } from 'reveal.js';
import type { TalkState } from '../../shared/liveChannel.ts';
import { clockText } from '../../shared/pageWords.ts';
import { Link } from './link.ts';
import { pace, slideSeconds } from './pacing.ts';
import { fitFrames, positionOf, showIn, slidesOf, whenDeckReady, type SlideInfo } from './previews.ts';
import './phone.css';
import { phonePen } from './phonePen.ts';

declare global {
  interface Window {
    /** The phone's state, for tests. */
    __iurPhone?: {
      connected: boolean;
      state: TalkState | null;
      role?: string;
      refused: string[];
      reloads: number;
      /** The server refused this phone's session: it stopped trying. */
      sessionRefused: boolean;
    };
  }
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const FONT_KEY = 'iur-remote-notes-size';
/** Shown when the server refuses this phone's session: only a new scan helps. */
const SESSION_REFUSED = '会话已失效，请重新扫码';

const view = {
  connected: false,
  state: null as TalkState | null,
  role: undefined as string | undefined,
  refused: [] as string[],
  reloads: 0,
  sessionRefused: false,
};
window.__iurPhone = view;
let canControl = false;
let offset = 0; // server clock minus this phone's clock
let current: RevealApi | undefined;
let next: RevealApi | undefined;
let slides: SlideInfo[] = [];

function indexOf(state: TalkState): number {
  return slides.findIndex((s) => s.h === state.h && s.v === state.v);
}

function render(): void {
  const state = view.state;
  if (!state || !current || !next) return;
  slides = slidesOf(current);
  const hasNext = showIn(current, next, state);
  $('next-end').hidden = hasNext;
  $('current-black').hidden = !state.paused;
  const n = indexOf(state);
  $('counter').textContent = `${n + 1} / ${slides.length}`;
  const notes = n >= 0 ? current.getSlideNotes(slides[n].section) : null;
  $('notes').innerHTML = notes && notes.trim() ? notes : '<p class="empty">（本张没有备注）</p>';
  $('black').classList.toggle('on', state.paused);
  $('black').textContent = state.paused ? '取消黑屏' : '黑屏';
  for (const [i, item] of Array.from($('slide-list').children).entries()) item.classList.toggle('here', i === n);
  tick();
}

function tick(): void {
  const now = new Date();
  $('clock').textContent = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  const state = view.state;
  const elapsed = state?.startedAt ? (Date.now() + offset - state.startedAt) / 1000 : 0;
  $('elapsed').textContent = state?.startedAt ? `用时 ${clockText(elapsed)}` : '用时 0:00（未开始）';
  const pacing = $('pacing');
  const seconds = current
    ? slideSeconds(
        slides.map((s) => s.timing),
        Number((current.getConfig() as { totalTime?: number }).totalTime) || undefined,
      )
    : undefined;
  if (!state || !seconds) {
    pacing.textContent = '';
    return;
  }
  const p = pace(seconds, Math.max(0, indexOf(state)), elapsed);
  pacing.className = `pacing ${p.slideLeft >= 0 ? 'ok' : 'late'}`;
  pacing.textContent = p.slideLeft >= 0 ? `本张剩余 ${clockText(p.slideLeft)}` : `超时 ${clockText(-p.slideLeft)}`;
  pacing.title = `计划 ${clockText(p.planned)}`;
}

function go(move: (deck: RevealApi) => void): void {
  if (!canControl || !current || !view.connected) return;
  move(current);
  link.send({ type: 'go', ...positionOf(current) });
}

const link = new Link({
  status: (connected) => {
    view.connected = connected;
    const status = $('status');
    status.textContent = connected ? '已连接' : '已断开 · 重连中…';
    status.className = `status ${connected ? 'on' : 'off'}`;
    document.body.classList.toggle('offline', !connected);
  },
  refused: () => {
    view.sessionRefused = true;
    const status = $('status');
    status.textContent = SESSION_REFUSED;
    status.className = 'status off refused';
  },
  message: (m) => {
    if (m.type === 'refused') view.refused.push(m.why);
    if (m.type === 'deck-changed') void reloadFrames();
    if (m.type === 'pen') pen.fromServer(m.op);
    if (m.type === 'refused' || !('now' in m)) return;
    offset = m.now - Date.now();
    if (m.type === 'hello') {
      view.role = m.role;
      canControl = m.canControl;
      document.body.dataset.role = canControl ? 'remote' : 'follow';
      document.title = canControl ? '演讲遥控' : '跟随演讲';
    }
    if (m.type === 'hello' || m.type === 'state') {
      view.state = m.state;
      if (!m.state && canControl && current) link.send({ type: 'go', ...positionOf(current) });
      if (!m.state && !canControl) $('notes').innerHTML = '<p class="empty">等待演讲开始…</p>';
      render();
    }
  },
});

function fillList(): void {
  const list = $('slide-list');
  list.replaceChildren(
    ...slides.map((s) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = s.title;
      button.addEventListener('click', () => {
        go((deck) => deck.slide(s.h, s.v, -1));
        $<HTMLDialogElement>('slides').close();
      });
      item.append(button);
      return item;
    }),
  );
}

function setUpControls(): void {
  $('prev').addEventListener('click', () => go((d) => d.prev()));
  $('next').addEventListener('click', () => go((d) => d.next()));
  $('black').addEventListener('click', () => {
    if (canControl && view.state) link.send({ type: 'pause', paused: !view.state.paused });
  });
  $('elapsed').addEventListener('click', () => {
    if (canControl && window.confirm('把用时重置为 0:00？')) link.send({ type: 'reset-timer' });
  });
  $('list').addEventListener('click', () => {
    fillList();
    render();
    $<HTMLDialogElement>('slides').showModal();
    document.querySelector('#slide-list .here')?.scrollIntoView({ block: 'center' });
  });
  $('close-list').addEventListener('click', () => $<HTMLDialogElement>('slides').close());
  let size = Number(localStorage.getItem(FONT_KEY)) || 22;
  const setSize = (s: number) => {
    size = Math.min(44, Math.max(14, s));
    $('notes').style.fontSize = `${size}px`;
    localStorage.setItem(FONT_KEY, String(size));
  };
  setSize(size);
  $('smaller').addEventListener('click', () => setSize(size - 2));
  $('larger').addEventListener('click', () => setSize(size + 2));
  // Swipe left for the next slide, right for the one before (a mostly sideways stroke).
  let start: Touch | undefined;
  document.addEventListener('touchstart', (e) => (start = e.touches.length === 1 ? e.touches[0] : undefined), { passive: true });
  document.addEventListener('touchend', (e) => {
    const end = e.changedTouches[0];
    if (!start || !end || (e.target as Element).closest('dialog, button')) return;
    const dx = end.clientX - start.clientX;
    const dy = end.clientY - start.clientY;
    if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) go((d) => (dx < 0 ? d.next() : d.prev()));
  });
  // Screen kept awake from the first touch (browsers allow it only after one).
  const noSleep = new NoSleep();
  const wake = () => {
    noSleep.enable().then(
      () => document.body.classList.add('awake'),
      () => undefined,
    );
  };
  document.addEventListener('click', wake, { once: true });
  document.addEventListener('touchend', wake, { once: true });
}

const frames = () => [$<HTMLIFrameElement>('current-frame'), $<HTMLIFrameElement>('next-frame')];
const pen = phonePen(
  frames,
  (op) => {
    if (canControl) link.send({ type: 'pen', op });
  },
  $<HTMLButtonElement>('pen'),
);

async function loadFrames(): Promise<void> {
  [current, next] = await Promise.all(frames().map(whenDeckReady));
  slides = slidesOf(current);
  // The first screen of the talk to connect: the talk starts where this one is (the first slide).
  if (!view.state && canControl) link.send({ type: 'go', ...positionOf(current) });
  render();
}

/** The slides changed (a save under the dev server): the pictures, notes and times load again. */
async function reloadFrames(): Promise<void> {
  current = next = undefined;
  view.reloads++;
  await Promise.all(
    frames().map((frame) => {
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.contentWindow?.location.reload();
      return loaded;
    }),
  );
  await loadFrames();
}

async function start(): Promise<void> {
  setUpControls();
  fitFrames(frames());
  setInterval(tick, 1000);
  await loadFrames();
}

void start();
