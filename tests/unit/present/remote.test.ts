// The phone remote's small pure parts: the pacing sums, the live channel's
// message check, the talk state, the wrong-token limiter, Host names.
import { describe, expect, it } from 'vitest';
import { pace, slideSeconds } from '../../../src/client/remote/pacing.ts';
import { parseClientMessage } from '../../../src/shared/liveChannel.ts';
import { Talk } from '../../../src/present/talkState.ts';
import { FailureLimiter, LIMIT, WINDOW_MS } from '../../../src/present/rateLimit.ts';
import { hostnameOf } from '../../../src/present/hosts.ts';
import { Access } from '../../../src/present/access.ts';

describe('pacing', () => {
  it('shares what the duration leaves over the slides without a rehearsed time', () => {
    expect(slideSeconds([undefined, 90, undefined, undefined], 600)).toEqual([170, 90, 170, 170]);
    expect(slideSeconds([30, 60], undefined)).toEqual([30, 60]);
    expect(slideSeconds([undefined, undefined], undefined)).toBeUndefined();
  });

  it('counts what is left for the current slide against the elapsed time', () => {
    expect(pace([60, 60, 60], 1, 100)).toEqual({ slideLeft: 20, planned: 180 });
    expect(pace([60, 60, 60], 0, 100).slideLeft).toBe(-40);
  });
});

describe('the live channel messages', () => {
  it('takes only well-formed control messages', () => {
    expect(parseClientMessage('{"type":"go","h":2,"v":0,"f":null}')).toEqual({ type: 'go', h: 2, v: 0, f: null });
    expect(parseClientMessage('{"type":"go","h":-1,"v":0,"f":null}')).toBeUndefined();
    expect(parseClientMessage('{"type":"go","h":1.5,"v":0,"f":0}')).toBeUndefined();
    expect(parseClientMessage('{"type":"pause","paused":"yes"}')).toBeUndefined();
    expect(parseClientMessage('{"type":"write","path":"/etc/passwd"}')).toBeUndefined();
    expect(parseClientMessage('not json')).toBeUndefined();
  });
});

describe('the talk state', () => {
  it('tells listeners of changes only, and starts the clock at the first step', () => {
    let now = 1000;
    const talk = new Talk(() => now);
    const seen: unknown[] = [];
    talk.onChange((s) => seen.push(s));
    talk.apply({ type: 'go', h: 0, v: 0, f: null });
    expect(talk.state?.startedAt).toBeNull();
    now = 5000;
    talk.apply({ type: 'go', h: 1, v: 0, f: null });
    talk.apply({ type: 'go', h: 1, v: 0, f: null });
    expect(seen).toHaveLength(2);
    expect(talk.state).toEqual({ h: 1, v: 0, f: null, paused: false, startedAt: 5000 });
    talk.apply({ type: 'pause', paused: true });
    expect(talk.state?.paused).toBe(true);
  });
});

describe('the wrong-token limiter', () => {
  it('blocks an address after LIMIT failures within the window, and lets it go after', () => {
    let now = 0;
    const limiter = new FailureLimiter(() => now);
    for (let i = 0; i < LIMIT - 1; i++) limiter.fail('a');
    expect(limiter.blocked('a')).toBe(false);
    limiter.fail('a');
    expect(limiter.blocked('a')).toBe(true);
    expect(limiter.blocked('b')).toBe(false);
    now = WINDOW_MS + 1;
    expect(limiter.blocked('a')).toBe(false);
  });
});

describe('hosts and tokens', () => {
  it('reads the name of a Host header', () => {
    expect(hostnameOf('192.168.1.5:5180')).toBe('192.168.1.5');
    expect(hostnameOf('[fd00::2]:5180')).toBe('fd00::2');
    expect(hostnameOf('Evil.Example')).toBe('evil.example');
    expect(hostnameOf(undefined)).toBeUndefined();
  });

  it('makes 128-bit tokens, new every time, and knows only its own', () => {
    const a = new Access();
    const b = new Access();
    expect(a.tokens.remote).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(a.tokens.remote, 'base64url')).toHaveLength(16);
    expect(a.tokens.remote).not.toBe(b.tokens.remote);
    expect(a.roleOfToken(a.tokens.follow)).toBe('follow');
    expect(a.roleOfToken(b.tokens.remote)).toBeUndefined();
    expect(a.roleOfSession(b.openSession('remote'))).toBeUndefined();
  });
});
