// Who may use the remote server: one fresh random token per role (remote:
// may drive the deck; follow: may only watch), made at each start and never
// stored, and the sessions a valid token opens (the HttpOnly cookie that
// replaces the token after the first load). A token or cookie of a previous
// run matches nothing. Comparisons take constant time.
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

export class Access {
  readonly tokens: Record<Role, string> = { remote: freshSecret(), follow: freshSecret() };
  private readonly sessions = new Map<string, Role>();

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
    return id;
  }

  roleOfSession(id: string): Role | undefined {
    // A Map lookup by a secret key: the time it takes tells nothing useful about other keys.
    return this.sessions.get(id);
  }
}
