// Unit tests of a formula as PowerPoint's equation: KaTeX's MathML through
// mathml2omml, in <a14:m>, in Cambria Math at the run's size and colour; a
// sum's operand inside the sum; accents as Office writes them; an element
// the converter cannot take is a failure, never a formula with parts missing.
import { describe, expect, it } from 'vitest';
import { fillNaryOperands, formulaOmml } from '../../../../src/export/pptx/omml.ts';

const style = { size: 28, colour: '1D232B' };
const omml = (tex: string, display: boolean) => {
  const result = formulaOmml(tex, display, style);
  if ('error' in result) throw new Error(result.error);
  return result.omml;
};

describe('formula → OMML', () => {
  it('writes an inline formula as m:oMath in a14:m, each run in Cambria Math', () => {
    const xml = omml('E = mc^2', false);
    expect(xml).toMatch(/^<a14:m><m:oMath xmlns:m="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/math">/);
    expect(xml).toContain('<m:sSup>');
    expect(xml).toContain(
      '<a:rPr lang="en-US" sz="2100" dirty="0"><a:solidFill><a:srgbClr val="1D232B"/></a:solidFill><a:latin typeface="Cambria Math"',
    );
    expect(xml).not.toContain('annotation');
  });

  it('writes a display formula as a centred m:oMathPara, the sum around its operand, the matrix as m:m', () => {
    const xml = omml('\\frac{1}{n}\\sum_{i=1}^{n} x_i \\le \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}', true);
    expect(xml).toContain('<m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr>');
    expect(xml).toContain('<m:f>');
    expect(xml).toMatch(/<m:nary><m:naryPr><m:chr m:val="∑"\/>[\s\S]*<\/m:sup><m:e><m:sSub>/);
    expect(xml).not.toContain('<m:e/></m:nary>');
    expect(xml.match(/<m:mr>/g)).toHaveLength(2);
  });

  it('fails on what PowerPoint has no equation for, naming it', () => {
    expect(formulaOmml('a + \\phantom{b} c', true, style)).toEqual({ error: "PowerPoint's equations have nothing for mphantom" });
  });

  it('writes accents as the combining characters Office uses, so a bar is not read as an acute', () => {
    expect(omml('\\bar{x} + \\overline{xy} + \\hat{y}', false)).toMatch(
      /<m:chr m:val="\u0304"\/>[\s\S]*<m:chr m:val="\u0305"\/>[\s\S]*<m:chr m:val="\u0302"\/>/,
    );
  });

  it('moves only the element right after a sum into it', () => {
    expect(fillNaryOperands('<m:nary><m:sub/><m:e/></m:nary><m:r><m:t>x</m:t></m:r><m:r><m:t>y</m:t></m:r>')).toBe(
      '<m:nary><m:sub/><m:e><m:r><m:t>x</m:t></m:r></m:e></m:nary><m:r><m:t>y</m:t></m:r>',
    );
  });
});
