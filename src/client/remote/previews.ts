// The phone's two small pictures of the deck: the deck itself in two frames
// (as reveal.js's speaker view does), laid out at 1280×720 and scaled down.
// The current frame is also where the phone reads the deck: its slides,
// titles, notes and rehearsed times, and what "next" and "back" mean
// (fragments included).
import type { RevealApi } from 'reveal.js';
import type { TalkState } from '../../shared/liveChannel.ts';

export interface Position {
  h: number;
  v: number;
  f: number | null;
}

export function positionOf(deck: RevealApi): Position {
  const i = deck.getIndices();
  return { h: i.h, v: i.v ?? 0, f: typeof i.f === 'number' ? i.f : null };
}

function deckOf(frame: HTMLIFrameElement): RevealApi | undefined {
  const deck = frame.contentWindow?.Reveal;
  return deck?.isReady() ? deck : undefined;
}

export function whenDeckReady(frame: HTMLIFrameElement): Promise<RevealApi> {
  return new Promise((resolve) => {
    const look = () => {
      const deck = deckOf(frame);
      if (deck) resolve(deck);
      else setTimeout(look, 100);
    };
    look();
  });
}

/** Keeps each frame's 1280×720 page scaled to the width of its box. */
export function fitFrames(frames: HTMLIFrameElement[]): void {
  const fit = () => {
    for (const frame of frames) {
      const box = frame.parentElement;
      if (box) frame.style.transform = `scale(${box.clientWidth / 1280})`;
    }
  };
  fit();
  window.addEventListener('resize', fit);
}

/** Shows `state` in the current frame and the step after it in the next frame; false when there is none. */
export function showIn(current: RevealApi, next: RevealApi, state: TalkState): boolean {
  current.slide(state.h, state.v, state.f ?? undefined);
  next.slide(state.h, state.v, state.f ?? undefined);
  const before = positionOf(next);
  next.next();
  const after = positionOf(next);
  return before.h !== after.h || before.v !== after.v || before.f !== after.f;
}

export interface SlideInfo {
  section: HTMLElement;
  h: number;
  v: number;
  title: string;
  /** Rehearsed seconds (data-timing), if any. */
  timing?: number;
}

export function slidesOf(deck: RevealApi): SlideInfo[] {
  return deck.getSlides().map((section, n) => {
    const i = deck.getIndices(section);
    const heading = section.querySelector('h1, h2, h3')?.textContent?.trim();
    const timing = Number(section.dataset.timing);
    return { section, h: i.h, v: i.v ?? 0, title: heading || `第 ${n + 1} 张`, timing: timing > 0 ? timing : undefined };
  });
}
