// Export says what the doctor sees: every slide is laid out in the print
// view anyway, so its rules run there and their findings are printed with
// file and line; --strict stops the export on them, writing nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/deckPage.ts';

const DECK = 'tests/fixtures/export-doctor';
const FILE = `${DECK}/01-deck.md`;
let work: string;

const run = (args: string[]) => spawnSync(process.execPath, ['src/cli/bin.mjs', 'export', '--slides', DECK, ...args], { encoding: 'utf8', timeout: 120_000 });

beforeAll(async () => {
  work = await tempDir('export-doctor');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('export and the deck doctor', () => {
  it('prints the overflow, the dead link and the stray space, and writes the PDF', () => {
    const out = path.join(work, 'deck.pdf');
    const r = run(['--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${FILE}:\\d+: error: overflow: <ul>`));
    expect(r.stderr).toMatch(new RegExp(`${FILE}:\\d+: error: link to a slide that does not exist: #/99`));
    expect(r.stderr).toMatch(new RegExp(`${FILE}:\\d+: \\w+: space between two Chinese characters`));
    expect(existsSync(out)).toBe(true);
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
