// Unit test of the package fix that makes a formula text box an equation as
// PowerPoint stores it: the box in mc:AlternateContent, its Choice
// (Requires="a14") with the equation in place of the placeholder run, its
// Fallback the same shape filled with the picture, locked; the picture gone.
import { describe, expect, it } from 'vitest';
import { placeholder, putEquations } from '../../../../src/export/pptx/equations.ts';

const slide =
  '<p:spTree>' +
  '<p:sp><p:nvSpPr><p:cNvPr id="5" name="formula 4"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="1" y="2"/><a:ext cx="3" cy="4"/></a:xfrm></p:spPr>' +
  `<p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="zh-CN"/><a:t>质能方程 </a:t></a:r><a:r><a:rPr lang="en-US"><a:latin typeface="x"/></a:rPr><a:t>${placeholder(0)}</a:t></a:r></a:p></p:txBody></p:sp>` +
  '<p:pic><p:nvPicPr><p:cNvPr id="6" name="formula-fallback 4"/></p:nvPicPr><p:blipFill><a:blip r:embed="rId7"/></p:blipFill></p:pic>' +
  '</p:spTree>';

describe('equations in the package', () => {
  it('wraps the text box in mc:AlternateContent with the equation and the picture fallback', () => {
    const out = putEquations(slide, [
      { slide: 1, name: 'formula 4', fallback: 'formula-fallback 4', equations: new Map([[0, '<a14:m><m:oMath>E</m:oMath></a14:m>']]) },
    ]);
    expect(out).not.toContain('<p:pic>');
    expect(out).toMatch(/^<p:spTree><mc:AlternateContent xmlns:mc="[^"]+"><mc:Choice xmlns:a14="[^"]+" Requires="a14"><p:sp>/);
    expect(out).toContain('<a:t>质能方程 </a:t></a:r><a14:m><m:oMath>E</m:oMath></a14:m></a:p>');
    const fallback = /<mc:Fallback>([\s\S]*)<\/mc:Fallback>/.exec(out)?.[1] ?? '';
    expect(fallback).toContain('<p:cNvPr id="5" name="formula 4"></p:cNvPr>');
    expect(fallback).toContain('<a:spLocks noTextEdit="1" noRot="1" noChangeAspect="1"/>');
    expect(fallback).toContain('<a:xfrm><a:off x="1" y="2"/><a:ext cx="3" cy="4"/></a:xfrm>');
    expect(fallback).toContain('<a:blipFill><a:blip r:embed="rId7"/>');
    expect(fallback).not.toContain('a14:m');
  });

  it('refuses a text box it cannot find', () => {
    expect(() => putEquations(slide, [{ slide: 1, name: 'formula 9', fallback: 'formula-fallback 4', equations: new Map() }])).toThrow(
      /no formula text box "formula 9"/,
    );
  });
});
