// The door of the remote server, as a function of one request: a refused
// session cookie is not a token guess (never counted, never 429); a valid
// token opens a session even from an address locked out by wrong tokens;
// with two cookies of the same name, a valid one wins.
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Access } from '../../../src/present/access.ts';
import { checkRequest, type GateOptions } from '../../../src/present/gate.ts';
import { FailureLimiter, LIMIT } from '../../../src/present/rateLimit.ts';

const NAME = 'iur_present_5180';

function request(url: string, cookie?: string, address = '192.168.1.20'): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: address });
  const req = new IncomingMessage(socket);
  req.method = 'GET';
  req.url = url;
  req.headers = { host: '192.168.1.5:5180', ...(cookie ? { cookie } : {}) };
  return req;
}

function door(): GateOptions & { access: Access; limiter: FailureLimiter } {
  return { access: new Access(), limiter: new FailureLimiter(), allowedHosts: new Set(['192.168.1.5']), cookieName: NAME };
}

const statusOf = (verdict: ReturnType<typeof checkRequest>) => ('who' in verdict ? 200 : verdict.status);

describe('the door', () => {
  it('a refused cookie, however often, is 401 and never counts: the token still works, a wrong one is not yet limited', () => {
    const gate = door();
    for (let i = 0; i < 10 * LIMIT; i++) expect(statusOf(checkRequest(request('/phone', `${NAME}=stale${i}`), true, gate))).toBe(401);
    expect(gate.limiter.blocked('192.168.1.20')).toBe(false);
    expect(statusOf(checkRequest(request('/phone?token=wrong'), true, gate))).toBe(401);
    expect(statusOf(checkRequest(request(`/phone?token=${gate.access.tokens.remote}`), true, gate))).toBe(303);
  });

  it('says a refused session needs a new scan', () => {
    const verdict = checkRequest(request('/phone', `${NAME}=stale`), true, door());
    expect('message' in verdict && verdict.message).toMatch(/会话已失效，请重新扫码/);
  });

  it('a locked-out address: wrong tokens get 429, the right token gets in', () => {
    const gate = door();
    for (let i = 0; i < LIMIT; i++) checkRequest(request(`/?token=guess${i}`), true, gate);
    expect(statusOf(checkRequest(request('/?token=guess-more'), true, gate))).toBe(429);
    const verdict = checkRequest(request(`/phone?token=${gate.access.tokens.follow}`), true, gate);
    expect(statusOf(verdict)).toBe(303);
    const cookie = 'headers' in verdict ? String(verdict.headers?.['Set-Cookie']).split(';')[0] : '';
    expect(checkRequest(request('/', cookie), true, gate)).toEqual({ who: 'follow' });
  });

  it('two cookies of one name: a valid one wins, in either order', () => {
    const gate = door();
    const id = gate.access.openSession('remote');
    for (const cookie of [`${NAME}=junk; ${NAME}=${id}`, `${NAME}=${id}; ${NAME}=junk`, `other=1; ${NAME}=${id}`]) {
      expect(checkRequest(request('/', cookie), true, gate), cookie).toEqual({ who: 'remote' });
    }
  });

  it('loopback is the venue screen; a foreign Host is refused first', () => {
    const gate = door();
    expect(checkRequest(request('/'), false, gate)).toEqual({ who: 'venue' });
    const foreign = request(`/?token=${gate.access.tokens.remote}`);
    foreign.headers.host = 'evil.example:5180';
    expect(statusOf(checkRequest(foreign, true, gate))).toBe(403);
  });
});
