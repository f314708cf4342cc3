// Reading a slides folder: only regular files are read (a FIFO as a slide or as
// rehearsal.json is an error naming it, at once, not a hang), text that is not
// UTF-8 (a surrogate's bytes ED A0 80, UTF-16 without a BOM) is refused at its
// line, and control characters in a source are a warning at their line.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/deck/loadDeck.ts';
import { formatProblem } from '../../../src/shared/problem.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-read-sources-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const problems = async () =>
  (await loadDeck(dir)).problems
    .map(formatProblem)
    .map((l) => l.replace(`${path.relative(process.cwd(), dir)}/`, '').replace(`${dir}/`, ''));

describe('only regular files', () => {
  it('a FIFO as a slide file is an error naming it, and the read does not wait for a writer', async () => {
    await writeFile(path.join(dir, '01-a.md'), '# One\n');
    execFileSync('mkfifo', [path.join(dir, '02-pipe.md')]);
    const found = await problems();
    expect(found).toContain('02-pipe.md:1: error: this is a FIFO (named pipe), not a file: only regular files are read (remove it)');
  });

  it('a FIFO as rehearsal.json is an error naming it', async () => {
    await writeFile(path.join(dir, '01-a.md'), '# One\n');
    execFileSync('mkfifo', [path.join(dir, 'rehearsal.json')]);
    expect(await problems()).toContain(
      'rehearsal.json: error: this is a FIFO (named pipe), not a file: only regular files are read (remove it)',
    );
  });
});

describe('UTF-8 only', () => {
  it('the bytes of a surrogate (ED A0 80) are not UTF-8: an error at their line', async () => {
    await writeFile(
      path.join(dir, '01-a.md'),
      Buffer.concat([Buffer.from('# One\n\ntext\n'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]),
    );
    expect(await problems()).toEqual(['01-a.md:4: error: file is not UTF-8 (save it as UTF-8)']);
  });

  it('an overlong form (E0 80 AF) is not UTF-8', async () => {
    await writeFile(path.join(dir, '01-a.md'), Buffer.from([0x23, 0x20, 0xe0, 0x80, 0xaf, 0x0a]));
    expect(await problems()).toEqual(['01-a.md:1: error: file is not UTF-8 (save it as UTF-8)']);
  });

  it('UTF-16 without a BOM is not UTF-8', async () => {
    await writeFile(path.join(dir, '01-a.md'), Buffer.from('# 标题\n\n正文\n', 'utf16le'));
    expect(await problems()).toEqual(['01-a.md:1: error: file is not UTF-8 (it holds NUL bytes: UTF-16? save it as UTF-8)']);
  });

  it('valid UTF-8 with four-byte characters passes', async () => {
    await writeFile(path.join(dir, '01-a.md'), '# 𠮷野家 😀\n');
    expect(await problems()).toEqual([]);
  });
});

describe('control characters', () => {
  it("are a warning at their line, \\v named as Word's line break", async () => {
    await writeFile(path.join(dir, '01-a.md'), '# One\n\nfirst\x0Bsecond\n\nbell\x01here \x1F\n\tindented is fine\n');
    const found = await problems();
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^01-a\.md:3: warning: control character U\+000B .*Word's manual line break/);
    expect(found[1]).toMatch(/^01-a\.md:5: warning: control character U\+0001 /);
  });
});

describe('images', () => {
  it('a FIFO as an image is an error at its line, not a build that waits for ever', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pic.png')]);
    await writeFile(path.join(dir, '01-a.md'), '# One\n\n![a picture](pic.png)\n');
    expect(await problems()).toEqual(['01-a.md:3: error: image pic.png is a FIFO (named pipe), not a file: only regular files are read']);
  });
});

describe('control characters in the rendered slide', () => {
  it('\\v is a line break and the others are gone, in the body and the notes', async () => {
    await writeFile(path.join(dir, '01-a.md'), '# One\n\nfirst\x0Bsecond and bell\x01here\n\nNote: a\x0Bb\x1Fc\n');
    const { deck } = await loadDeck(dir);
    expect(deck.slides[0].html).toMatch(/<p[^>]*>first<br>\nsecond and bellhere<\/p>/);
    expect(deck.slides[0].notes).toMatch(/<p[^>]*>a<br>\nbc<\/p>/);
  });
});

describe('files being edited', () => {
  it("reads an editor's text instead of the file on disk, and an unsaved new file as one of the deck's", async () => {
    await writeFile(path.join(dir, '01-a.md'), '# On disk\n');
    const texts = new Map([
      [path.join(dir, '01-a.md'), '\uFEFF# Edited\r\n\r\ntext\x0B\r\n'],
      [path.join(dir, '02-new.md'), '# Not saved yet\n'],
    ]);
    const seen: string[] = [];
    const { deck, problems: found } = await loadDeck(dir, {
      texts,
      onTokens: (source, tokens) => seen.push(`${source.text.split('\n')[0]} ${tokens.length}`),
    });
    expect(deck.slides.map((s) => s.title)).toEqual(['Edited', 'Not saved yet']);
    expect(seen).toEqual(['# Edited 6', '# Not saved yet 3']);
    expect(found.map(formatProblem).find((p) => p.includes('control character'))).toMatch(/01-a\.md:3: warning: control character U\+000B/);
  });
});
