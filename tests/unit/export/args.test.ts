// `npm run export` options: defaults, --range syntax and bounds, bad values,
// and how failures map to messages and exit codes.
import { describe, expect, it } from 'vitest';
import { ArgsError, DEFAULT_OUT, EXPORT_HELP, parseExportArgs } from '../../../src/export/args.ts';
import { describeFailure, EXPORT_EXIT } from '../../../src/export/command.ts';
import { ExportTimeoutError, OutputError } from '../../../src/export/errors.ts';
import { BrowserCrashError } from '../../../src/browser/crashSignal.ts';
import { parseRange, selectSlides, SlideRangeError } from '../../../src/export/range.ts';
import { BrowserNotFoundError } from '../../../src/browser/findBrowser.ts';
import { DeckError } from '../../../src/deck/model.ts';

describe('parseExportArgs', () => {
  it('has documented defaults', () => {
    expect(parseExportArgs([])).toEqual({
      slidesDir: 'slides',
      out: DEFAULT_OUT,
      format: 'pdf',
      pngWidth: 1920,
      notes: false,
      fragments: false,
      annotations: false,
      range: undefined,
      timeoutMs: 60_000,
      verbose: false,
      debug: false,
      strict: false,
      force: false,
      handout: undefined,
      watch: false,
      rehearsedTimings: false,
    });
    expect(parseExportArgs(['--force'])).toMatchObject({ force: true });
  });

  it('--rehearsed-timings: PowerPoint only, refused for the PDF and PNG with what to do', () => {
    expect(parseExportArgs(['--out', 'x.pptx', '--rehearsed-timings'])).toMatchObject({ rehearsedTimings: true, format: 'pptx' });
    expect(() => parseExportArgs(['--rehearsed-timings'])).toThrow(
      /--rehearsed-timings sets PowerPoint's advance times; a PDF does not advance/,
    );
    expect(() => parseExportArgs(['--out', 'x', '--format', 'png', '--rehearsed-timings'])).toThrow(/a PNG does not advance/);
    expect(EXPORT_HELP).toContain('--rehearsed-timings');
  });

  it("--annotations: the pen's drawings, for PDF, PNG and PowerPoint", () => {
    expect(parseExportArgs(['--annotations'])).toMatchObject({ annotations: true });
    expect(parseExportArgs(['--annotations', '--out', 'x', '--format', 'png'])).toMatchObject({ annotations: true, format: 'png' });
    expect(parseExportArgs(['--annotations', '--out', 'x.pptx'])).toMatchObject({ annotations: true, format: 'pptx' });
  });

  it('reads every option', () => {
    const o = parseExportArgs([
      '--slides',
      'd',
      '--out',
      'x.pdf',
      '--notes',
      '--fragments',
      '--range',
      '3-7,10',
      '--timeout',
      '2.5',
      '--verbose',
      '--debug',
    ]);
    expect(o).toMatchObject({ slidesDir: 'd', out: 'x.pdf', notes: true, fragments: true, timeoutMs: 2500, verbose: true, debug: true });
    expect(o !== 'help' && o.range).toEqual([
      { from: 3, to: 7 },
      { from: 10, to: 10 },
    ]);
  });

  it('answers --help, which documents every option and the exit codes', () => {
    expect(parseExportArgs(['--help'])).toBe('help');
    for (const word of [
      '--slides',
      '--out',
      '--format',
      '--width',
      '--notes',
      '--fragments',
      '--range',
      '--handout',
      '--watch',
      '--timeout',
      '--verbose',
      '--debug',
      DEFAULT_OUT,
      'deck.pptx',
      'Exit codes',
      'PUPPETEER_EXECUTABLE_PATH',
    ]) {
      expect(EXPORT_HELP).toContain(word);
    }
  });

  it('takes the format from --format or the ending of --out, with a default file for each', () => {
    expect(parseExportArgs(['--out', 'talk.pptx'])).toMatchObject({ format: 'pptx', out: 'talk.pptx' });
    expect(parseExportArgs(['--out', 'Talk.PPTX'])).toMatchObject({ format: 'pptx' });
    expect(parseExportArgs(['--format', 'pptx'])).toMatchObject({ format: 'pptx', out: 'deck.pptx' });
    expect(parseExportArgs(['--format', 'png'])).toMatchObject({ format: 'png', out: 'deck-png' });
    // PNG: --out names the folder; a .png ending is dropped.
    expect(parseExportArgs(['--out', 'talk.png'])).toMatchObject({ format: 'png', out: 'talk' });
    expect(parseExportArgs(['--format', 'png', '--out', 'pictures', '--width', '3840'])).toMatchObject({ out: 'pictures', pngWidth: 3840 });
    expect(parseExportArgs(['--format', 'pdf', '--out', 'talk'])).toMatchObject({ format: 'pdf', out: 'talk' });
    expect(parseExportArgs(['--out', 'talk.v2'])).toMatchObject({ format: 'pdf' });
  });

  it('refuses a format that contradicts --out or options of another format', () => {
    expect(() => parseExportArgs(['--format', 'pptx', '--out', 'x.pdf'])).toThrow(/--format pptx but --out x\.pdf ends in \.pdf/);
    expect(() => parseExportArgs(['--format', 'odp'])).toThrow(/--format: expected one of pdf, pptx, png/);
    expect(() => parseExportArgs(['--out', 'x.pptx', '--notes'])).toThrow(/--notes/);
    expect(() => parseExportArgs(['--out', 'x.pptx', '--fragments'])).toThrow(/--fragments/);
    expect(() => parseExportArgs(['--format', 'png', '--width', '99'])).toThrow(/--width/);
  });

  it('refuses unknown options, stray arguments and bad values', () => {
    expect(() => parseExportArgs(['--bogus'])).toThrow(ArgsError);
    expect(() => parseExportArgs(['deck.pdf'])).toThrow(ArgsError);
    expect(() => parseExportArgs(['--timeout', 'soon'])).toThrow(/--timeout/);
    expect(() => parseExportArgs(['--timeout', '0'])).toThrow(/--timeout/);
    expect(() => parseExportArgs(['--range', '7-3'])).toThrow(/backwards/);
    expect(() => parseExportArgs(['--out', ''])).toThrow(/--out/);
  });
});

describe('--range', () => {
  it('parses numbers, ranges and open ends', () => {
    expect(parseRange('3-7,10')).toEqual([
      { from: 3, to: 7 },
      { from: 10, to: 10 },
    ]);
    expect(parseRange(' 2 , 4 - 5 ,9-')).toEqual([
      { from: 2, to: 2 },
      { from: 4, to: 5 },
      { from: 9, to: undefined },
    ]);
  });

  it('refuses what is not a range', () => {
    for (const bad of ['', 'a', '0', '3-x', '-4', '1,,2', '2-1']) expect(() => parseRange(bad), bad).toThrow(SlideRangeError);
  });

  it('selects 0-based slides in deck order without repeats', () => {
    expect(selectSlides(parseRange('4,1-2,2'), 5)).toEqual([0, 1, 3]);
    expect(selectSlides(parseRange('4-'), 5)).toEqual([3, 4]);
  });

  it('refuses slides the deck does not have', () => {
    expect(() => selectSlides(parseRange('3-9'), 5)).toThrow(/has 5 slides, 3-9/);
    expect(() => selectSlides(parseRange('6-'), 5)).toThrow(/has 5 slides/);
  });
});

describe('describeFailure', () => {
  it('lists deck problems as file:line and exits 1', () => {
    const error = new DeckError([{ pos: { file: 'slides/a.md', line: 3 }, level: 'error', message: 'bad' }]);
    expect(describeFailure(error)).toEqual({
      code: EXPORT_EXIT.deck,
      lines: ['slides/a.md:3: error: bad', 'export: stopped, the deck has 1 error'],
    });
  });

  it('exits 2 without a browser, with the message saying how to get one', () => {
    const { code, lines } = describeFailure(new BrowserNotFoundError());
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/PUPPETEER_EXECUTABLE_PATH/);
  });

  it('exits 3 on a timeout or a crash', () => {
    expect(describeFailure(new ExportTimeoutError('timed out')).code).toBe(3);
    expect(describeFailure(new BrowserCrashError('crashed')).code).toBe(3);
    expect(describeFailure(new Error('Protocol error (Page.printToPDF): Target closed')).code).toBe(3);
  });

  it('exits 1 on bad options or an unwritable FILE', () => {
    expect(describeFailure(new SlideRangeError('--range: nope')).lines[0]).toMatch(/see --help/);
    expect(describeFailure(new OutputError('x.pdf', new Error('EACCES'))).lines[0]).toBe('export: cannot write x.pdf: EACCES');
  });
});
