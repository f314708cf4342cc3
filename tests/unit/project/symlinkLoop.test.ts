// A symlink loop in a deck (a slide file, a picture, the theme: a link to
// itself, or two links to each other) is reported as a loop (ELOOP) at its
// file and line, not as "a link to a file that does not exist"; a dangling
// link still is.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/deck/loadDeck.ts';
import { displayPath } from '../../../src/project/readSources.ts';

let dir: string;
let found: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'iur-loop-'));
  writeFileSync(path.join(dir, '01-talk.md'), '---\ntitle: 环\n---\n\n## 第一张\n\n正文\n\n![环](images/ring.png)\n');
  symlinkSync('02-self.md', path.join(dir, '02-self.md'));
  symlinkSync('04-b.md', path.join(dir, '03-a.md'));
  symlinkSync('03-a.md', path.join(dir, '04-b.md'));
  symlinkSync('nowhere.md', path.join(dir, '05-dangling.md'));
  symlinkSync('ring.png', path.join(dir, 'ring.png'));
  symlinkSync('.', path.join(dir, 'images'));
  const result = await loadDeck(dir);
  found = result.problems.map((p) => `${p.pos.file}:${p.pos.line}: ${p.level}: ${p.message}`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => displayPath(path.join(dir, name));

describe('a symlink loop', () => {
  it('a slide file linked to itself, or two linked to each other: a loop, at the file', () => {
    for (const name of ['02-self.md', '03-a.md', '04-b.md']) {
      expect(found, name).toContain(
        `${at(name)}:1: error: this slide file ${at(name)} is a symlink loop (ELOOP): the link leads back to itself, never to a file; replace it by the file`,
      );
    }
  });

  it('a dangling link is still a link to a file that does not exist', () => {
    expect(found).toContain(`${at('05-dangling.md')}:1: error: a link to a file that does not exist`);
  });

  it('a picture that is a loop: at its line', () => {
    expect(found).toContain(
      `${at('01-talk.md')}:9: error: image images/ring.png is a symlink loop (ELOOP): the link leads back to itself, never to a file; replace it by the file`,
    );
    expect(found.join('\n')).not.toMatch(/image not found/);
  });
});
