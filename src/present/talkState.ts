// The one state of the talk on the server: where every screen is. Pages that
// may control change it; every change reaches every connected page.
import type { ClientMessage, TalkState } from '../shared/liveChannel.ts';

export class Talk {
  private readonly listeners = new Set<(state: TalkState) => void>();

  /** `state`: where a resumed talk was (talkStore.ts), else none yet. */
  constructor(
    private readonly now: () => number = Date.now,
    public state: TalkState | null = null,
  ) {}

  onChange(listener: (state: TalkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies a control message; tells everyone if the state changed. */
  apply(message: Exclude<ClientMessage, { type: 'deck-changed' }>): void {
    const before = this.state;
    const base: TalkState = before ?? { h: 0, v: 0, f: null, paused: false, startedAt: null };
    let next: TalkState;
    if (message.type === 'go') {
      const moved = !before || before.h !== message.h || before.v !== message.v || before.f !== message.f;
      if (!moved) return;
      // The clock starts with the first step away from where the talk began.
      const startedAt = base.startedAt ?? (before ? this.now() : null);
      next = { ...base, h: message.h, v: message.v, f: message.f, startedAt };
    } else if (message.type === 'pause') {
      if (before && before.paused === message.paused) return;
      next = { ...base, paused: message.paused };
    } else {
      next = { ...base, startedAt: this.now() };
    }
    this.state = next;
    for (const listener of this.listeners) listener(next);
  }
}
