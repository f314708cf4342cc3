// The present server serves no dotfile, not even to a logged-in phone: the
// build's marker /.iur-deck-build (and any .name, as written or %-encoded)
// is a 404 on the LAN with a session and on loopback, while the deck itself
// is served to both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, LAN, sessionCookie, startPresent, type PresentRun } from '../../helpers/presentRun.ts';

let run: PresentRun;
let cookie: string;

beforeAll(async () => {
  run = await startPresent(['--slides', 'tests/fixtures/remote', '--remote', '--host', LAN, '--port', '5781']);
  cookie = await sessionCookie(run.qrUrls[0]);
});

afterAll(async () => {
  await run?.stop();
});

describe('present serves no dotfile', () => {
  it('the deck, to a session and to the venue screen (the positive case)', async () => {
    expect((await get(LAN, run.port, '/', { Cookie: cookie })).status).toBe(200);
    expect((await get('127.0.0.1', run.port, '/index.html')).status).toBe(200);
  });

  it('/.iur-deck-build and other dot-names: 404 on the LAN with a session, and on loopback', async () => {
    for (const path of ['/.iur-deck-build', '/%2Eiur-deck-build', '/%2eiur-deck-build?x=1', '/assets/.hidden', '/.well-known/x']) {
      const lan = await get(LAN, run.port, path, { Cookie: cookie });
      expect(lan.status, path).toBe(404);
      expect(lan.body, path).not.toMatch(/iur-deck|build/i);
      expect((await get('127.0.0.1', run.port, path)).status, path).toBe(404);
    }
  });
});
