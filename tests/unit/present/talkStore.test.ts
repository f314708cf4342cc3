// The talk `present` keeps across a restart: which talk a start goes on with
// (the same day: resumed; --new-tokens: resumed with new tokens and no
// sessions; --fresh, another day, a damaged file: a new one), and the file:
// mode 0600, always one whole JSON document, the latest change last.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseResume, parseSavedTalk, talkFile, TalkKeeper, type SavedTalk } from '../../../src/present/talkStore.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iur-talk-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const TOKENS = { remote: 'r'.repeat(22), follow: 'f'.repeat(22) };
const talk = (savedAt: string): SavedTalk => ({
  savedAt,
  port: 5190,
  tokens: TOKENS,
  sessions: { ['s'.repeat(44)]: 'remote' },
  state: { h: 6, v: 0, f: null, paused: false, startedAt: 1_700_000_000_000 },
});

function kept(saved: SavedTalk | string): string {
  const file = path.join(tempDir(), 'talk.json');
  writeFileSync(file, typeof saved === 'string' ? saved : JSON.stringify(saved));
  return file;
}

describe('which talk a start goes on with', () => {
  const noon = new Date(2026, 8, 17, 12, 0);
  const morning = new Date(2026, 8, 17, 9, 0).toISOString();

  it('the same day: the same talk, its tokens and sessions, on its port', () => {
    const choice = chooseResume(kept(talk(morning)), { fresh: false, newTokens: false, now: noon });
    expect(choice.kept).toEqual({ tokens: TOKENS, sessions: { ['s'.repeat(44)]: 'remote' }, state: talk(morning).state });
    expect(choice.port).toBe(5190);
    expect(choice.note).toMatch(/goes on at slide 7: same tokens/);
  });

  it('--new-tokens: the same place, no tokens or sessions of before', () => {
    const choice = chooseResume(kept(talk(morning)), { fresh: false, newTokens: true, now: noon });
    expect(choice.kept).toEqual({ sessions: {}, state: talk(morning).state });
    expect(choice.note).toMatch(/new tokens/);
  });

  it('--fresh, another day, no file, a damaged file: a new talk (on the last port, when known)', () => {
    const fresh = chooseResume(kept(talk(morning)), { fresh: true, newTokens: false, now: noon });
    expect(fresh.kept).toBeUndefined();
    expect(fresh.port).toBe(5190);
    const yesterday = chooseResume(kept(talk(new Date(2026, 8, 16, 23, 0).toISOString())), { fresh: false, newTokens: false, now: noon });
    expect(yesterday.kept).toBeUndefined();
    expect(yesterday.note).toMatch(/of 2026-09-16/);
    expect(chooseResume(path.join(tempDir(), 'none.json'), { fresh: false, newTokens: false, now: noon })).toEqual({ note: 'a new talk' });
    for (const damaged of ['{"savedAt":', '[]', JSON.stringify({ ...talk(morning), tokens: { remote: 'x', follow: 'y' } })]) {
      expect(chooseResume(kept(damaged), { fresh: false, newTokens: false, now: noon }).kept, damaged).toBeUndefined();
    }
  });

  it('takes only well-formed sessions and states from the file', () => {
    const odd = { ...talk(morning), sessions: { ['s'.repeat(44)]: 'remote', bad: 'remote', ['t'.repeat(44)]: 'admin' } };
    expect(parseSavedTalk(JSON.stringify(odd))?.sessions).toEqual({ ['s'.repeat(44)]: 'remote' });
    expect(
      parseSavedTalk(JSON.stringify({ ...talk(morning), state: { h: -1, v: 0, f: null, paused: false, startedAt: null } })),
    ).toBeUndefined();
  });

  it('is one file per slides folder, in the cache', () => {
    const cache = tempDir();
    expect(talkFile('slides', cache)).toMatch(new RegExp(`^${cache}/present/[0-9a-f]{16}\\.json$`));
    expect(talkFile('slides', cache)).toBe(talkFile(path.resolve('slides'), cache));
    expect(talkFile('slides', cache)).not.toBe(talkFile('tests/fixtures/remote', cache));
  });
});

describe('the kept file', () => {
  it('is the owner’s only (0600, its folder 0700), whole, and holds the latest change', async () => {
    const file = path.join(tempDir(), 'present', 'k.json');
    const keeper = new TalkKeeper(file);
    const base = { port: 5190, tokens: TOKENS, sessions: {} };
    const writes = [];
    for (let h = 0; h < 20; h++) writes.push(keeper.save({ ...base, state: { h, v: 0, f: null, paused: false, startedAt: null } }));
    await Promise.all(writes);
    await keeper.flushed();
    const saved = parseSavedTalk(readFileSync(file, 'utf8'));
    expect(saved?.state?.h).toBe(19);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.dirname(file))).toEqual(['k.json']);
  });
});
