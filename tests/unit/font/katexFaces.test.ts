// Unit tests of which KaTeX faces a deck ships: read from katex.css's own
// class → family rules against the classes its rendered formulas carry.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { allKatexFaces, katexCss, katexFaceCss, katexFacesUsed } from '../../../src/font/katexFaces.ts';

const files = (tex: string, displayMode = false) =>
  katexFacesUsed(katex.renderToString(tex, { displayMode, output: 'html' }))
    .map((f) => f.file)
    .sort();

describe('KaTeX faces', () => {
  it('knows every face of katex/dist/fonts and keeps no @font-face of its own', () => {
    expect(allKatexFaces().length).toBeGreaterThanOrEqual(19);
    expect(katexCss()).not.toContain('@font-face');
    expect(katexCss()).toContain('.katex');
  });

  it('ships only the faces a formula draws in', () => {
    expect(files('x + 1')).toEqual(['KaTeX_Main-Regular.woff2', 'KaTeX_Math-Italic.woff2']);
    expect(files('\\sum_{i=1}^{n} x_i', true)).toEqual([
      'KaTeX_Main-Regular.woff2',
      'KaTeX_Math-Italic.woff2',
      'KaTeX_Size2-Regular.woff2',
    ]);
    expect(files('\\mathbb{R} \\mathbf{v}')).toEqual(['KaTeX_AMS-Regular.woff2', 'KaTeX_Main-Bold.woff2', 'KaTeX_Main-Regular.woff2']);
  });

  it('writes a face rule for each, at the URL given', () => {
    const css = katexFaceCss(allKatexFaces().slice(0, 1), (f) => `./assets/${f.file}`);
    expect(css).toMatch(/font-family: KaTeX_\w+;[\s\S]*src: url\("\.\/assets\/KaTeX_[\w-]+\.woff2"\) format\("woff2"\);/);
  });
});
