// The door of the remote server, checked on the server for every request:
// the Host header must be one of this machine's names (DNS rebinding); on the
// LAN listener a request needs a session cookie or a valid token (which opens
// a session: HttpOnly, SameSite=Strict, then a redirect drops the token from
// the address bar). Only a wrong token counts towards the rate limit: a
// refused session cookie is an old tab's, not a guess (a phone left open
// across a restart retries with it for as long as it is open), and a valid
// token always opens a session, from any address, so a speaker can always
// scan their way back in. A refused request gets a short message and never a
// byte of the deck.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Access, Role } from './access.ts';
import { hostnameOf } from './hosts.ts';
import type { FailureLimiter } from './rateLimit.ts';

export type Who = Role | 'venue';

export interface GateOptions {
  access: Access;
  limiter: FailureLimiter;
  allowedHosts: Set<string>;
  /** The session cookie's name (the port in it: cookies do not tell ports apart). */
  cookieName: string;
}

export type Verdict = { who: Who } | { status: number; message: string; headers?: Record<string, string> };

const MESSAGES = {
  host: '403: 不接受这个主机名（Host）。请用终端里打印的地址打开。',
  token: '401: 需要有效的令牌。请扫描演讲电脑终端里的二维码（每次启动都会换新令牌）。',
  session: '401: 会话已失效，请重新扫码（演讲电脑终端里的二维码）。',
  limited: '429: 错误的令牌太多，请一分钟后再试。',
  method: '405: 这个服务器只读：控制走已认证的实时通道。',
};

/** Every value of the cookie `name` (a browser may send two of one name, one of them junk). */
export function cookiesOf(req: IncomingMessage, name: string): string[] {
  const out: string[] = [];
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}

export function hostAllowed(req: IncomingMessage, allowed: Set<string>): boolean {
  const name = hostnameOf(req.headers.host);
  return name !== undefined && allowed.has(name);
}

/** Who is asking, or why not. `lan`: the request came in on the LAN listener. */
export function checkRequest(req: IncomingMessage, lan: boolean, options: GateOptions): Verdict {
  if (!hostAllowed(req, options.allowedHosts)) return { status: 403, message: MESSAGES.host };
  if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, message: MESSAGES.method, headers: { Allow: 'GET, HEAD' } };
  if (!lan) return { who: 'venue' };
  const address = req.socket.remoteAddress ?? '?';
  const url = new URL(req.url ?? '/', 'http://x');
  const token = url.searchParams.get('token');
  if (token === null) {
    // A session: any valid cookie of the name wins. A refused one is not a guess, so it is never counted.
    const cookies = cookiesOf(req, options.cookieName);
    for (const cookie of cookies) {
      const role = options.access.roleOfSession(cookie);
      if (role) return { who: role };
    }
    return { status: 401, message: cookies.length > 0 ? MESSAGES.session : MESSAGES.token };
  }
  // A valid token gets in even from an address that is locked out: the speaker rescanning after a fault.
  const role = options.access.roleOfToken(token);
  if (!role) {
    if (options.limiter.blocked(address)) return { status: 429, message: MESSAGES.limited, headers: { 'Retry-After': '60' } };
    options.limiter.fail(address);
    return { status: 401, message: MESSAGES.token };
  }
  // A valid token: a session cookie, and the same address without the token.
  url.searchParams.delete('token');
  const session = options.access.openSession(role);
  return {
    status: 303,
    message: '',
    headers: {
      Location: `${url.pathname}${url.search}`,
      'Set-Cookie': `${options.cookieName}=${session}; Path=/; HttpOnly; SameSite=Strict`,
    },
  };
}

/** Sends a refusal (or the token's redirect). */
export function sendVerdict(res: ServerResponse, verdict: Extract<Verdict, { status: number }>): void {
  res.writeHead(verdict.status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    ...verdict.headers,
  });
  res.end(verdict.message);
}
