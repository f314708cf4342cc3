// The remote server's door, each case on its own: no token, a wrong token,
// a token from before --new-tokens → 401 and nothing of the deck; a follow
// token cannot control; a foreign Host is refused (DNS rebinding); a
// WebSocket from another Origin is refused; wrong tokens are rate-limited
// (the right one still gets in); a path outside the build is a 404; nothing
// writes; without --remote nothing
// listens beyond loopback; Ctrl+C and the death of npm end it all. The "LAN"
// is this machine's own address: nothing goes anywhere else.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, LAN, listeningSockets, sessionCookie, startPresent, type PresentRun } from '../../helpers/presentRun.ts';

const SECRETS = ['机密正文甲', '机密备注丙', '<section', 'Reveal'];
const noDeckIn = (body: string) => SECRETS.forEach((s) => expect(body).not.toContain(s));
const host = (h: string, port: number) => `${h.includes(':') ? `[${h}]` : h}:${port}`;

let run: PresentRun;
let oldRemoteUrl: string;
let oldCookie: string;
let remoteCookie: string;
let followCookie: string;
let assetPath: string;

beforeAll(async () => {
  // A previous run: its token and its session cookie must open nothing in the next one.
  const previous = await startPresent(['--slides', 'tests/fixtures/remote', '--remote', '--host', LAN, '--port', '5721']);
  oldRemoteUrl = previous.qrUrls[0];
  oldCookie = await sessionCookie(oldRemoteUrl);
  await previous.stop();
  // The same talk goes on, with new tokens: what the previous run handed out opens nothing any more.
  run = await startPresent(['--slides', 'tests/fixtures/remote', '--remote', '--host', LAN, '--port', '5721', '--new-tokens'], {
    resume: true,
  });
  remoteCookie = await sessionCookie(run.qrUrls[0]);
  followCookie = await sessionCookie(run.qrUrls[1]);
  const page = await get('127.0.0.1', run.port, '/');
  assetPath = `/${/(assets\/[^"]+\.js)"/.exec(page.body)?.[1]}`;
});

afterAll(async () => {
  await run?.stop();
});

describe('the door of present --remote', () => {
  it('the venue screen on loopback gets the deck (the positive case the others are measured against)', async () => {
    const page = await get('127.0.0.1', run.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('机密正文甲');
    expect((await get('127.0.0.1', run.port, assetPath)).status).toBe(200);
  });

  it('no token: 401 and no deck text, for the page, its assets, the notes, the phone page', async () => {
    for (const path of ['/', '/index.html', assetPath, '/phone', '/__iur/remote/phone.js', '/__iur/remote/venue.js', '/no-such-file']) {
      const answer = await get(LAN, run.port, path);
      expect(answer.status, path).toBe(401);
      noDeckIn(answer.body);
    }
  });

  it('a wrong token or a made-up cookie: 401 and no deck text', async () => {
    for (const path of ['/phone?token=AAAAAAAAAAAAAAAAAAAAAA', `/?token=${'x'.repeat(22)}`, '/?token=']) {
      const answer = await get(LAN, run.port, path);
      expect(answer.status, path).toBe(401);
      noDeckIn(answer.body);
    }
    const cookieName = remoteCookie.split('=')[0];
    const forged = await get(LAN, run.port, '/', { Cookie: `${cookieName}=${'A'.repeat(44)}` });
    expect(forged.status).toBe(401);
    noDeckIn(forged.body);
  });

  it('the token and the cookie of a previous run: 401 and no deck text', async () => {
    const old = new URL(oldRemoteUrl);
    const byToken = await get(LAN, run.port, `${old.pathname}${old.search}`);
    expect(byToken.status).toBe(401);
    noDeckIn(byToken.body);
    const byCookie = await get(LAN, run.port, '/', { Cookie: oldCookie });
    expect(byCookie.status).toBe(401);
    noDeckIn(byCookie.body);
  });

  it('a valid token opens an HttpOnly SameSite=Strict session and leaves the address bar', async () => {
    const url = new URL(run.qrUrls[0]);
    const answer = await get(LAN, run.port, `${url.pathname}${url.search}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/phone');
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(url.searchParams.get('token'));
    const page = await get(LAN, run.port, '/', { Cookie: remoteCookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('机密正文甲');
    expect((await get(LAN, run.port, '/phone', { Cookie: followCookie })).status).toBe(200);
  });

  it('a foreign Host is refused, with or without a session, on the LAN and on loopback', async () => {
    for (const name of ['evil.example', '127.0.0.3', 'localhost.evil.example']) {
      const lan = await get(LAN, run.port, '/', { Host: host(name, run.port), Cookie: remoteCookie });
      expect(lan.status, name).toBe(403);
      noDeckIn(lan.body);
      const loop = await get('127.0.0.1', run.port, '/', { Host: host(name, run.port) });
      expect(loop.status, name).toBe(403);
      noDeckIn(loop.body);
    }
  });

  it('there is no write endpoint', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const status = await fetch(`http://${host(LAN, run.port)}/__iur/rehearsal`, {
        method,
        headers: { Cookie: remoteCookie },
        body: '{}',
      }).then((r) => r.status);
      expect(status, method).toBe(405);
    }
  });

  it('a path outside the build is a 404', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/../../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const answer = await get(LAN, run.port, path, { Cookie: remoteCookie });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('iur-deck');
      expect(answer.body).not.toContain('root:');
    }
  });
});

/** Opens the live channel; resolves with its first message, or rejects with the refusal's status. */
function channel(
  port: number,
  headers: Record<string, string>,
): Promise<{ ws: WebSocket; hello: { canControl: boolean; state: { h: number } | null } }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${host(LAN, port)}/__iur/live`, { headers });
    ws.once('message', (data: Buffer) =>
      resolve({ ws, hello: JSON.parse(data.toString('utf8')) as { canControl: boolean; state: { h: number } | null } }),
    );
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const nextMessage = (ws: WebSocket) =>
  new Promise<{ type: string; why?: string; state?: { h: number } }>((resolve) =>
    ws.once('message', (d: Buffer) => resolve(JSON.parse(d.toString('utf8')) as { type: string; why?: string; state?: { h: number } })),
  );

describe('the live channel of present --remote', () => {
  const origin = () => `http://${host(LAN, run.port)}`;

  it('a remote session may control; a follow session may not', async () => {
    const remote = await channel(run.port, { Cookie: remoteCookie, Origin: origin() });
    expect(remote.hello.canControl).toBe(true);
    remote.ws.send(JSON.stringify({ type: 'go', h: 2, v: 0, f: null }));
    expect((await nextMessage(remote.ws)).state?.h).toBe(2);
    const follow = await channel(run.port, { Cookie: followCookie, Origin: origin() });
    expect(follow.hello.canControl).toBe(false);
    expect(follow.hello.state?.h).toBe(2);
    follow.ws.send(JSON.stringify({ type: 'go', h: 0, v: 0, f: null }));
    expect((await nextMessage(follow.ws)).type).toBe('refused');
    follow.ws.send(JSON.stringify({ type: 'pause', paused: true }));
    expect((await nextMessage(follow.ws)).type).toBe('refused');
    const check = await channel(run.port, { Cookie: remoteCookie, Origin: origin() });
    expect(check.hello.state).toMatchObject({ h: 2, paused: false });
    for (const c of [remote, follow, check]) c.ws.close();
  });

  it('no session, an old session, a token in the URL: refused', async () => {
    await expect(channel(run.port, { Origin: origin() })).rejects.toThrow(/refused 401/);
    await expect(channel(run.port, { Origin: origin(), Cookie: oldCookie })).rejects.toThrow(/refused 401/);
    const token = new URL(run.qrUrls[0]).searchParams.get('token');
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://${host(LAN, run.port)}/__iur/live?token=${token}`, { headers: { Origin: origin() } });
        ws.once('open', resolve);
        ws.once('unexpected-response', (_q, res) => reject(new Error(`refused ${res.statusCode}`)));
      }),
    ).rejects.toThrow(/refused 401/);
  });

  it('a WebSocket from another Origin is refused, even with a valid session', async () => {
    for (const other of ['http://evil.example', `http://${host(LAN, run.port + 1)}`, `http://127.0.0.1:${run.port}`, 'null']) {
      await expect(channel(run.port, { Cookie: remoteCookie, Origin: other }), other).rejects.toThrow(/refused 403/);
    }
    await expect(channel(run.port, { Cookie: remoteCookie })).rejects.toThrow(/refused 403/);
  });
});

// Last: the rate limit locks this machine's address out of new tokens for a minute.
describe('wrong tokens', () => {
  it('20 in a row are rate-limited (429); the right token still gets in, and open sessions go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await get(LAN, run.port, `/phone?token=wrong${i}`)).status);
    // (The tests above already spent a few wrong tokens from this address.)
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThanOrEqual(10);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
    const url = new URL(run.qrUrls[0]);
    expect((await get(LAN, run.port, `${url.pathname}${url.search}`)).status).toBe(303);
    expect((await get(LAN, run.port, '/', { Cookie: remoteCookie })).status).toBe(200);
  });
});

describe('what listens', () => {
  it('without --remote only loopback; with --remote also the LAN address', async () => {
    const local = await startPresent(['--slides', 'tests/fixtures/remote', '--port', '5731']);
    try {
      const sockets = listeningSockets(local.child.pid);
      expect(sockets.length).toBeGreaterThan(0);
      for (const s of sockets) expect(s).toMatch(/^127\.0\.0\.1:/);
      expect(local.output()).not.toMatch(/token=/);
      await expect(get(LAN, local.port, '/')).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await local.stop();
    }
    const remote = listeningSockets(run.child.pid);
    expect(remote).toContain(`127.0.0.1:${run.port}`);
    expect(remote.some((s) => s === `${LAN}:${run.port}`)).toBe(true);
  });
});

/** Node processes running `present` (or `dev`) with this port, still alive. */
function presentProcesses(port: number, command = 'present'): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const zombie = stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
      if (!zombie && cmd.some((c) => c.endsWith('bin.mjs')) && cmd.includes(command) && cmd.includes(String(port))) out.push(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return true;
  return check();
}

/** Whether nothing listens there any more (a process on its way out may still hold its sockets a moment). */
const refused = (h: string, port: number) =>
  get(h, port, '/').then(
    () => false,
    (e: Error) => /ECONNREFUSED/.test(e.message),
  );

const tempOf = (pid: number) => readdirSync(os.tmpdir()).filter((n) => n.startsWith(`iur-present-${pid}-`));

describe('present ends with its terminal', () => {
  it('Ctrl+C ends the server and removes its build', async () => {
    const r = await startPresent(['--slides', 'tests/fixtures/remote', '--remote', '--host', LAN, '--port', '5741']);
    expect(tempOf(r.child.pid)).toHaveLength(1);
    await r.stop();
    expect(r.child.exitCode ?? r.child.signalCode).not.toBeNull();
    expect(tempOf(r.child.pid)).toEqual([]);
    await expect(get(LAN, 5741, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it.each(['SIGKILL', 'SIGTERM'] as const)('npm killed by %s: no server, no process left', async (signal) => {
    const port = signal === 'SIGKILL' ? 5742 : 5743;
    const r = await startPresent(['--slides', 'tests/fixtures/remote', '--remote', '--host', LAN, '--port', String(port)], {
      viaNpm: true,
    });
    const [server] = presentProcesses(port);
    expect(server).toBeGreaterThan(0);
    r.child.kill(signal);
    expect(await until(() => presentProcesses(port).length === 0, 5000)).toBe(true);
    expect(await until(async () => (await refused('127.0.0.1', port)) && (await refused(LAN, port)), 5000)).toBe(true);
    expect(await until(() => tempOf(server).length === 0, 5000)).toBe(true);
  });

  it('dev -- --remote: npm killed, the LAN listener goes with the dev server', async () => {
    const r = await startPresent(['--slides', 'tests/fixtures/remote', '--remote', '--host', LAN, '--port', '5745'], {
      viaNpm: true,
      dev: true,
    });
    expect((await get(LAN, r.port, '/')).status).toBe(401);
    r.child.kill('SIGKILL');
    expect(await until(() => presentProcesses(r.port, 'dev').length === 0, 5000)).toBe(true);
    expect(await until(() => refused(LAN, r.port), 5000)).toBe(true);
  });

  it('Ctrl+C in the terminal (SIGINT to the whole group under npm)', async () => {
    const child = spawn('npm', ['run', 'present', '--', '--slides', 'tests/fixtures/remote', '--port', '5744'], {
      stdio: 'ignore',
      detached: true,
    });
    expect(await until(() => presentProcesses(5744).length === 1, 60_000)).toBe(true);
    expect(await until(() => listeningSockets(presentProcesses(5744)[0] ?? 0).length > 0, 60_000)).toBe(true);
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await until(() => presentProcesses(5744).length === 0, 5000)).toBe(true);
  });
});
