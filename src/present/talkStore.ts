// The talk `present` keeps across a restart: where it is (slide, fragment,
// black screen, when the clock started), the port, the tokens and the open
// sessions, in one file per deck under the project's cache
// (node_modules/.cache/iur-deck/present/<deck key>.json). The file is the
// holder's alone (mode 0600, its folder 0700: it holds the tokens) and is
// written whole on each change, through a temporary file renamed over it
// (src/store/atomicFile.ts), so a crash (kill -9) leaves the last complete
// state. `present` started again the same day resumes that talk: the venue
// screen and the phones come back on the current slide, no new scan.
// --new-tokens keeps the talk and replaces the tokens (and drops the
// sessions); --fresh, or a file last written on another day, starts a new talk.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { TalkState } from '../shared/liveChannel.ts';
import { CACHE_DIR } from '../project/paths.ts';
import { serialised } from '../project/jsonFile.ts';
import { writeAtomic } from '../project/atomicFile.ts';
import type { Role, Tokens } from './access.ts';

export interface SavedTalk {
  /** When it was last written (ISO): a file of another day starts a new talk. */
  savedAt: string;
  port: number;
  tokens: Tokens;
  sessions: Record<string, Role>;
  state: TalkState | null;
}

/** The largest file taken (a talk's state is a few hundred bytes; sessions add 60 bytes each). */
const MAX_BYTES = 1024 * 1024;

/** The file of the talk of the deck in `slidesDir`: named by a hash of the folder's real path. */
export function talkFile(slidesDir: string, cacheDir = CACHE_DIR): string {
  let real = path.resolve(slidesDir);
  try {
    real = realpathSync.native(real);
  } catch {
    /* not there (yet): the path as given */
  }
  const key = createHash('sha256').update(real).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'present', `${key}.json`);
}

const SECRET = /^[A-Za-z0-9_-]{16,128}$/;
const index = (x: unknown, min = 0): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x < 100_000;

function parseState(x: unknown): TalkState | null | undefined {
  if (x === null) return null;
  if (typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  const ok =
    index(o.h) &&
    index(o.v) &&
    (o.f === null || index(o.f, -1)) &&
    typeof o.paused === 'boolean' &&
    (o.startedAt === null || (typeof o.startedAt === 'number' && Number.isFinite(o.startedAt)));
  return ok
    ? { h: o.h as number, v: o.v as number, f: o.f as number | null, paused: o.paused as boolean, startedAt: o.startedAt as number | null }
    : undefined;
}

/** The kept talk in `text`, checked field by field; undefined when it is not one. */
export function parseSavedTalk(text: string): SavedTalk | undefined {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof x !== 'object' || x === null) return undefined;
  const o = x as Record<string, unknown>;
  const tokens = o.tokens as Record<string, unknown> | undefined;
  const sessions = o.sessions as Record<string, unknown> | undefined;
  const state = parseState(o.state);
  if (
    typeof o.savedAt !== 'string' ||
    Number.isNaN(Date.parse(o.savedAt)) ||
    !index(o.port, 1) ||
    typeof tokens !== 'object' ||
    tokens === null ||
    typeof tokens.remote !== 'string' ||
    typeof tokens.follow !== 'string' ||
    !SECRET.test(tokens.remote) ||
    !SECRET.test(tokens.follow) ||
    typeof sessions !== 'object' ||
    sessions === null ||
    state === undefined
  )
    return undefined;
  const kept: Record<string, Role> = {};
  for (const [id, role] of Object.entries(sessions)) if (SECRET.test(id) && (role === 'remote' || role === 'follow')) kept[id] = role;
  return { savedAt: o.savedAt, port: o.port, tokens: { remote: tokens.remote, follow: tokens.follow }, sessions: kept, state };
}

/** The local calendar day of a time, YYYY-MM-DD. */
export function localDay(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

export interface ResumeChoice {
  /** The kept talk to go on with (without tokens after --new-tokens: new ones), or none: a new talk. */
  kept?: { tokens?: Tokens; sessions: Record<string, Role>; state: TalkState | null };
  /** The port the last talk of this deck was served on: a new talk takes it too, so an open phone tab hears it is over. */
  port?: number;
  /** One line for the terminal: which it is, and why. */
  note: string;
}

function readSaved(file: string): SavedTalk | 'none' | 'damaged' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return 'none';
  }
  return (bytes.length <= MAX_BYTES && parseSavedTalk(bytes.toString('utf8'))) || 'damaged';
}

/** Whether to resume the talk kept in `file`, and what of it. */
export function chooseResume(file: string, options: { fresh: boolean; newTokens: boolean; now?: Date }): ResumeChoice {
  const now = options.now ?? new Date();
  const saved = readSaved(file);
  if (saved === 'none') return { note: 'a new talk' };
  if (saved === 'damaged') return { note: 'a new talk (the kept one was damaged)' };
  const port = saved.port;
  if (options.fresh) return { port, note: 'a new talk (--fresh): new tokens, the clock at zero' };
  const day = localDay(new Date(saved.savedAt));
  if (day !== localDay(now)) return { port, note: `a new talk (the kept one is of ${day})` };
  const where = saved.state ? `slide ${saved.state.h + 1}${saved.state.v ? `.${saved.state.v + 1}` : ''}` : 'the first slide';
  if (options.newTokens) {
    return {
      kept: { sessions: {}, state: saved.state },
      port,
      note: `the talk of today goes on at ${where}, with new tokens (--new-tokens): every phone must scan again`,
    };
  }
  return {
    kept: { tokens: saved.tokens, sessions: saved.sessions, state: saved.state },
    port,
    note: `the talk of today goes on at ${where}: same tokens, the phones reconnect by themselves (--new-tokens for new ones, --fresh for a new talk)`,
  };
}

/** Writes the talk on every change: the latest whole, one write at a time, never a half-written file. */
export class TalkKeeper {
  private pending: Omit<SavedTalk, 'savedAt'> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  }

  /** Keeps `talk` (written soon; a later call before the write replaces it). */
  save(talk: Omit<SavedTalk, 'savedAt'>): Promise<void> {
    const first = this.pending === undefined;
    this.pending = talk;
    if (!first) return this.writing;
    this.writing = serialised(this.file, async () => {
      const next = this.pending;
      this.pending = undefined;
      if (!next) return;
      const saved: SavedTalk = { savedAt: new Date().toISOString(), ...next };
      await writeAtomic(this.file, `${JSON.stringify(saved)}\n`, { mode: 0o600 });
    }).catch(this.onError);
    return this.writing;
  }

  /** Resolves once every change so far is on disk. */
  flushed(): Promise<void> {
    return this.writing;
  }
}
