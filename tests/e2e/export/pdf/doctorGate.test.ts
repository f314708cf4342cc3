// Export says what the doctor sees: every slide is laid out in the print
// view anyway, so its rules run there and their findings are printed with
// file and line. An error (a 25-item list that overflows) stops the export,
// exit 1, the previous PDF byte for byte as it was; --force writes it anyway
// and says so; --strict stops on warnings too.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/deckPage.ts';

const DECK = 'tests/fixtures/export-doctor';
const FILE = `${DECK}/01-deck.md`;
let work: string;

const run = (args: string[]) =>
  spawnSync(process.execPath, ['src/cli/bin.mjs', 'export', '--slides', DECK, ...args], { encoding: 'utf8', timeout: 120_000 });

beforeAll(async () => {
  work = await tempDir('export-doctor');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('export and the deck doctor', () => {
  it('prints the overflow, the dead link and the stray space at file:line, exits 1 and keeps the previous PDF', () => {
    const out = path.join(work, 'deck.pdf');
    // A good PDF from before: any PDF will do.
    const previous = run(['--out', out, '--range', '2', '--force']);
    expect(previous.status, previous.stderr).toBe(0);
    const before = readFileSync(out);
    copyFileSync(out, path.join(work, 'before.pdf'));
    const r = run(['--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${FILE}:\\d+: error: overflow: <ul>`));
    expect(r.stderr).toMatch(new RegExp(`${FILE}:\\d+: error: link to a slide that does not exist: #/99`));
    expect(r.stderr).toMatch(new RegExp(`${FILE}:\\d+: \\w+: space between two Chinese characters`));
    expect(r.stderr).toMatch(
      /export: stopped, the deck has \d+ errors; nothing written, the previous output is kept \(--force writes it anyway\)/,
    );
    expect(r.stdout).not.toMatch(/PDF written/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it('--force writes it anyway, exit 0, and says so', () => {
    const out = path.join(work, 'deck.pdf');
    const r = run(['--out', out, '--force']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/error: overflow: <ul>/);
    expect(r.stderr).toMatch(/export: --force: writing it anyway, with \d+ errors/);
    expect(r.stdout).toMatch(/PDF written: .* — 2 pages/);
    expect(readFileSync(out).equals(readFileSync(path.join(work, 'before.pdf')))).toBe(false);
  });

  it('--strict stops on them, exit 1, and writes nothing', () => {
    const out = path.join(work, 'strict.pdf');
    const r = run(['--out', out, '--strict']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/overflow: <ul>/);
    expect(r.stderr).toMatch(/export: stopped, /);
    expect(existsSync(out)).toBe(false);
  });
});
