// Control characters in a slide and in its notes (Word's \v line break,
// pasted \x01, \x1F) reach the PowerPoint as well-formed XML: every part of
// the package parses (Chromium's XML parser, not our reader), \v is a line
// break, the rest is gone, and LibreOffice Impress shows the text. The deck
// also warns at file:line about each such character.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport, type ExportRun } from '../../../helpers/exportRun.ts';
import { launchBrowser } from '../../../helpers/deckPage.ts';

const DECK = 'tests/fixtures/control-characters';
let dir: string;
let zip: JSZip;
let run: ExportRun;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-control-chars-'));
  run = await runExport(['--slides', DECK, '--out', path.join(dir, 'ctl.pptx')]);
  zip = await JSZip.loadAsync(await readFile(path.join(dir, 'ctl.pptx')));
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('control characters in the PowerPoint', () => {
  it('the export warns at each line that holds one, and succeeds', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/control-characters\/01-deck\.md:7: warning: control character U\+000B/);
    expect(run.stderr).toMatch(/control-characters\/01-deck\.md:9: warning: control character U\+0001/);
    expect(run.stderr).toMatch(/control-characters\/01-deck\.md:11: warning: control character U\+0001/);
    expect(run.stderr).toMatch(/control-characters\/01-deck\.md:13: warning: control character U\+0001/);
  });

  it("every part of the package is well-formed XML (Chromium's XML parser)", async () => {
    const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
    const parts = await Promise.all(names.map(async (name) => ({ name, xml: await zip.file(name)!.async('string') })));
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const broken = await page.evaluate(
        (all: { name: string; xml: string }[]) =>
          all
            .map(({ name, xml }) => ({
              name,
              error: new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror')?.textContent ?? '',
            }))
            .filter((p) => p.error),
        parts,
      );
      expect(broken).toEqual([]);
      // The parser does see a control character as an error: the check can fail.
      const bad = await page.evaluate(() =>
        Boolean(new DOMParser().parseFromString('<a:t xmlns:a="x">a\u0001b</a:t>', 'application/xml').querySelector('parsererror')),
      );
      expect(bad).toBe(true);
    } finally {
      await browser.close();
    }
    expect(parts.length).toBeGreaterThan(10);
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(slide).toMatch(/firstline<\/a:t><\/a:r><a:br\b[^>]*(\/>|>[\s\S]*?<\/a:br>)<a:r>(?:(?!<\/a:r>)[\s\S])*<a:t>secondline/);
    expect(slide).toContain('bellhere and unitseparator');
    // Raw HTML and code keep their text as written: the package pass strips what XML forbids there.
    expect(slide).toMatch(/rawhtml/);
    expect(slide).toMatch(/codespan/);
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /notesSlides\/[^/]+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(notes.join('')).toMatch(/notetext/);
  });

  it("LibreOffice Impress shows the slide's text, the \\v as a line break", () => {
    const lo = path.join(dir, 'lo');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        lo,
        path.join(dir, 'ctl.pptx'),
      ],
      { stdio: 'ignore', timeout: 170_000 },
    );
    const pdf = path.join(lo, 'ctl.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Pasted from Word');
    expect(text).toMatch(/firstline\s*\n\s*secondline/);
    expect(text).toContain('bellhere and unitseparator');
  }, 200_000);
});
