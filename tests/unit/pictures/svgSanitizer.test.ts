// The SVG cleaning, case by case: what goes (scripts, event handlers,
// foreignObject, external and file: references in href, src, CSS url() and
// @import, javascript: links, the DOCTYPE's entities and their references,
// processing instructions) and is named; what stays (the drawing, #id
// references, gradients, embedded bitmaps, <style> rules); what is refused
// (no <svg>, not UTF-8). And the cache: one cleaning per content, a damaged
// entry cleaned again.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../../src/pictures/svgSanitizer.ts';
import { cleanSvgFile } from '../../../src/pictures/svgClean.ts';

const svg = (inner: string, attrs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100"${attrs}>${inner}</svg>`;

function clean(text: string): { svg: string; removed: string[] } {
  const result = sanitizeSvg(text);
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('what an SVG loses', () => {
  it.each([
    ['<script>', svg('<script>alert(1)</script><rect width="5" height="5"/>'), '<script>', 'alert'],
    ['an event handler', svg('<rect width="5" height="5" onclick="x()"/>', ' onload="y()"'), 'the event handler onload', 'onclick'],
    ['foreignObject', svg('<foreignObject><div>html</div></foreignObject>'), '<foreignObject>', 'foreignObject'],
    [
      'an external image',
      svg('<image href="https://evil.example/a.png" width="5" height="5"/>'),
      'an external reference (https://evil.example/a.png)',
      'evil',
    ],
    [
      'a file: link',
      svg('<a xlink:href="file:///etc/passwd"><rect width="5" height="5"/></a>'),
      'a file: link (file:///etc/passwd)',
      'passwd',
    ],
    [
      'a javascript: link',
      svg('<a href="javascript:alert(1)"><rect width="5" height="5"/></a>'),
      'an external reference (javascript:alert(1))',
      'javascript',
    ],
    [
      'an external <use>',
      svg('<use href="https://evil.example/s.svg#x"/>'),
      'an external reference (https://evil.example/s.svg#x)',
      'evil',
    ],
    [
      'a CSS url() in style',
      svg('<rect style="fill:url(https://evil.example/p.svg#g)" width="5" height="5"/>'),
      'an external reference (https://evil.example/p.svg#g)',
      'evil',
    ],
    [
      'a url() in a presentation attribute',
      svg('<rect fill="url(file:///x#g)" width="5" height="5"/>'),
      'a file: link (file:///x#g)',
      'file:',
    ],
    ['@import in <style>', svg('<style>@import url(https://evil.example/a.css); rect{fill:red}</style>'), 'a CSS @import', '@import'],
    [
      'an XXE entity',
      `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${svg('<text>&xxe;说明</text>')}`,
      "the DOCTYPE's entity declarations (xxe)",
      'xxe',
    ],
    [
      'a processing instruction',
      `<?xml-stylesheet href="https://evil.example/a.css"?>${svg('<rect width="5" height="5"/>')}`,
      'a processing instruction',
      'stylesheet',
    ],
  ])('%s', (_what, text, named, gone) => {
    const result = clean(text);
    expect(result.removed.join('; ')).toContain(named);
    expect(result.svg).not.toContain(gone);
    expect(result.svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
  });
});

describe('what an SVG keeps', () => {
  it('the drawing, #id references, gradients, embedded bitmaps, style rules: and names nothing', () => {
    const text = svg(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#123456"/></linearGradient></defs>' +
        '<rect width="50" height="50" fill="url(#g)"/><circle id="c" r="3"/><use href="#c" x="10"/><use xlink:href="#c" x="20"/>' +
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/><text x="1" y="9">图表 &amp; 说明</text>' +
        '<style>circle { stroke: #fff; }</style>',
    );
    const result = clean(text);
    expect(result.removed).toEqual([]);
    for (const kept of [
      'fill="url(#g)"',
      '<use href="#c"',
      'xlink:href="#c"',
      'href="data:image/png;base64,iVBORw0KGgo="',
      '图表 &amp; 说明',
      'circle { stroke: #fff; }',
    ])
      expect(result.svg).toContain(kept);
  });

  it('an HTML entity the XML would not know is written as its character (the copy is well-formed XML)', () => {
    const result = clean(svg('<text>a&nbsp;b</text>'));
    expect(result.svg).not.toContain('&nbsp;');
    expect(result.svg).toContain('a\u00a0b');
  });
});

describe('what is refused', () => {
  it('a file with no <svg>', () => {
    expect(sanitizeSvg('<html><body><p>not a picture</p></body></html>')).toEqual({
      error: 'it holds no <svg> element that survives cleaning: it is not an SVG picture',
    });
  });
});

describe('the cache of cleaned SVGs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iur-svg-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one entry per content, and cleans a damaged one again', async () => {
    const file = path.join(dir, 'p.svg');
    writeFileSync(file, svg('<script>1</script><rect width="5" height="5"/>'));
    const first = cleanSvgFile(file, dir);
    const entries = (cache: string) => readdirSync(path.join(cache, 'svg')).filter((f) => f.endsWith('.json'));
    await expect.poll(() => entries(dir).length).toBe(1);
    // The same entry, damaged, in another cache (this process remembers the first one's result).
    const other = path.join(dir, 'other');
    mkdirSync(path.join(other, 'svg'), { recursive: true });
    writeFileSync(
      path.join(other, 'svg', entries(dir)[0]),
      '{"version":1,"svg":"<svg><script>evil</script></svg>","sha256":"0","removed":[]}',
    );
    expect(cleanSvgFile(file, other)).toEqual(first);
    const bad = path.join(dir, 'latin1.svg');
    writeFileSync(bad, Buffer.from([0x3c, 0x73, 0x76, 0x67, 0x3e, 0xe9, 0x3c, 0x2f, 0x73, 0x76, 0x67, 0x3e]));
    expect(cleanSvgFile(bad, dir)).toEqual({ error: 'it is not UTF-8 text: save it as UTF-8' });
  });
});
