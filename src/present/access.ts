// Who may use the remote server: one random token per role (remote: may
// drive the deck; follow: may only watch), and the sessions a valid token
// opens (the HttpOnly cookie that replaces the token after the first load).
// Both are new for a new talk; `present` keeps them for the talk in a file
// of its own (talkStore.ts), so a restart mid-talk lets every phone back in,
// and --new-tokens replaces them (then an old token or cookie matches
// nothing). Comparisons take constant time.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export type Role = 'remote' | 'follow';

/** 16 random bytes: 128 bits, 22 URL-safe characters. */
export function freshSecret(): string {
  return randomBytes(16).toString('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type Tokens = Record<Role, string>;

export class Access {
  readonly tokens: Tokens;
  private readonly sessions: Map<string, Role>;
  /** Called when a session opens (to keep it across a restart). */
  onSession: () => void = () => undefined;

  /** New tokens, or the kept ones of this talk with its open sessions. */
  constructor(kept?: { tokens: Tokens; sessions: Record<string, Role> }) {
    this.tokens = kept ? { ...kept.tokens } : { remote: freshSecret(), follow: freshSecret() };
    this.sessions = new Map(Object.entries(kept?.sessions ?? {}));
  }

  /** The open sessions, to keep. */
  sessionList(): Record<string, Role> {
    return Object.fromEntries(this.sessions);
  }

  /** The role a URL token gives, if it is one of this run's. */
  roleOfToken(token: string): Role | undefined {
    if (sameSecret(token, this.tokens.remote)) return 'remote';
    if (sameSecret(token, this.tokens.follow)) return 'follow';
    return undefined;
  }

  /** A new session for a role: its id goes into the cookie. */
  openSession(role: Role): string {
    const id = freshSecret() + freshSecret();
    this.sessions.set(id, role);
    this.onSession();
    return id;
  }

  roleOfSession(id: string): Role | undefined {
    // A Map lookup by a secret key: the time it takes tells nothing useful about other keys.
    return this.sessions.get(id);
  }
}
