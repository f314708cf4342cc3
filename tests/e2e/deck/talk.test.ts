// The talk itself, exported as organisers receive it: every line of the
// original text (tests/fixtures/talk/original.txt) is in the PDF's text, its
// headings in the talk's order, the typo fixes applied; one page per slide.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../../src/export/command.ts';
import { missingLines, normal, original, reordered, segments } from '../../helpers/talkText.ts';

let dir: string;
/**
 * The PDF's text twice over: in pdftotext's reading order, and in the order
 * Chromium painted it (-raw). Cards side by side read across their columns
 * in the first (line 1 of each card, then line 2…); each card is whole in
 * the second. A line of the talk must be in one of them, unbroken.
 */
let text: string;
/** Each page's text (pdftotext separates pages with a form feed), both orders joined. */
let pageTexts: string[];
let pages: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-talk-'));
  const file = path.join(dir, 'talk.pdf');
  const code = await exportCommand(['--slides', 'slides', '--out', file]);
  expect(code).toBe(0);
  const read = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const painted = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const paintedPages = painted.split('\f');
  text = `${normal(read)}\n${normal(painted)}`;
  pageTexts = read.split('\f').map((t, i) => `${normal(t)}\n${normal(paintedPages[i] ?? '')}`);
  pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the talk as exported', () => {
  it('has one page per slide', () => {
    expect(pages).toBeGreaterThanOrEqual(50);
  });

  it('contains every line of the talk', () => {
    expect(missingLines(text)).toEqual([]);
  });

  it("keeps the talk's lines in order, page by page", () => {
    // Within a page, Chromium's text order follows painting (bold runs apart), so order is checked by page.
    let page = 0;
    const outOfOrder: string[] = [];
    for (const s of original
      .split('\n')
      .filter((l) => !reordered.has(l.trim()))
      .flatMap(segments)) {
      const want = normal(s);
      const bare = s.endsWith('：') ? normal(s.slice(0, -1)) : want;
      const at = pageTexts.findIndex((t, i) => i >= page && (t.includes(want) || t.includes(bare)));
      if (at < 0) outOfOrder.push(s);
      else page = at;
    }
    expect(outOfOrder).toEqual([]);
  });

  it('applies the typo fixes', () => {
    expect(text).toContain(normal('建立起超过15个制造业创新中心。'));
    expect(text).not.toContain(normal('制造业创新中。'));
  });
});
