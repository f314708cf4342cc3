// The page's end of the live channel (/__iur/live): connects, reconnects by
// itself after any loss (a phone off the Wi-Fi, the laptop asleep), and
// treats a link that has been silent longer than two server ticks as lost —
// a phone that left the network often keeps a dead socket "open". A page whose
// session the server refuses stops (sessionProbe.ts): retrying with a dead
// cookie cannot succeed, and the speaker must be told to scan again.
import { LIVE_PATH, type ClientMessage, type ServerMessage } from '../../shared/liveChannel.ts';
import { sessionRefused } from './sessionProbe.ts';

export interface LinkHandlers {
  message: (message: ServerMessage) => void;
  status: (connected: boolean) => void;
  /** The server refuses this page's session: the link has stopped for good. */
  refused?: () => void;
}

const SILENCE_MS = 10_000;
// At most 2 s between tries: a restarted server has its phones back within about 2 s.
const RETRY_MS = [500, 1000, 2000];

export class Link {
  private socket: WebSocket | undefined;
  private heard = 0;
  private retries = 0;
  /** The session was refused: no more tries. */
  private stopped = false;
  connected = false;

  constructor(private readonly handlers: LinkHandlers) {
    this.open();
    setInterval(() => {
      if (this.socket && this.connected && Date.now() - this.heard > SILENCE_MS) this.socket.close();
    }, 1000);
    // Back from the background or the network: try at once instead of waiting for the next retry.
    window.addEventListener('online', () => this.reconnectNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    });
  }

  private reconnectNow(): void {
    if (!this.connected && !this.stopped) {
      this.retries = 0;
      this.socket?.close();
    }
  }

  private open(): void {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${LIVE_PATH}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.heard = Date.now();
      this.retries = 0;
      this.setConnected(true);
    };
    socket.onmessage = (event) => {
      this.heard = Date.now();
      try {
        this.handlers.message(JSON.parse(String(event.data)) as ServerMessage);
      } catch (error) {
        console.error(error);
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.setConnected(false);
      // Never opened: the server is away, or it refuses this session (then stop and say so).
      void (opened ? Promise.resolve(false) : sessionRefused()).then((refused) => {
        if (refused) {
          this.stopped = true;
          this.handlers.refused?.();
          return;
        }
        const wait = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)];
        setTimeout(() => this.open(), wait);
      });
    };
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.handlers.status(connected);
  }

  send(message: ClientMessage): boolean {
    if (!this.socket || !this.connected) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }
}
