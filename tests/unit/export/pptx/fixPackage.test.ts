// What fixPackage changes in pptxgenjs's XML: one set of paragraph properties
// per paragraph, list indents and bullet colours in document order, notes
// split into paragraphs.
import { describe, expect, it } from 'vitest';
import { fixAutofit, fixParagraphs, notesParagraphs, onePPr } from '../../../../src/export/pptx/fixPackage.ts';

const para = (first: string, runs: string[]) =>
  `<a:p>${first}${runs.map((r) => `<a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>${r}</a:t></a:r>`).join('')}</a:p>`;

describe('onePPr', () => {
  it('keeps the first pPr of each paragraph and drops the repeats', () => {
    const xml = para('<a:pPr marL="1"><a:buSzPct val="100000"/><a:buChar char="■"/></a:pPr><a:r><a:t>标签：</a:t></a:r>', ['正文', '更多']);
    const fixed = onePPr(xml);
    expect(fixed.match(/<a:pPr\b/g)).toHaveLength(1);
    expect(fixed).toContain('<a:buChar char="■"/>');
    expect(fixed).toContain('<a:t>标签：</a:t></a:r><a:r><a:t>正文</a:t></a:r><a:r><a:t>更多</a:t>');
  });
});

describe('fixParagraphs', () => {
  const two =
    '<a:p><a:pPr algn="l" marL="342900" indent="-342900"><a:buSzPct val="100000"/><a:buChar char="■"/></a:pPr><a:r><a:t>一</a:t></a:r></a:p>' +
    '<a:p><a:pPr algn="l" indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>二</a:t></a:r></a:p>';

  it('indents list paragraphs and colours and sizes their bullets, in order', () => {
    const fixed = fixParagraphs(
      two,
      [{ marginLeft: 40, bulletAt: 10, bulletColour: '1B3D6E', bulletSize: 50 }, null],
      'Microsoft YaHei',
      1,
    );
    expect(fixed).toContain(
      '<a:pPr algn="l" marL="381000" indent="-285750"><a:buClr><a:srgbClr val="1B3D6E"/></a:buClr><a:buSzPct val="50000"/>',
    );
    expect(fixed).toContain('<a:pPr algn="l" indent="0" marL="0"><a:buNone/>');
  });

  it('refuses to guess when the paragraphs written and found differ', () => {
    expect(() => fixParagraphs(two, [null], 'Microsoft YaHei', 3)).toThrow(/slide 3 has 2 paragraphs, 1 were written/);
  });
});

describe('notesParagraphs', () => {
  it('makes each line of the notes a paragraph', () => {
    const xml = '<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>第一段\r\n第二段</a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p>';
    expect(notesParagraphs(xml)).toBe(
      '<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>第一段</a:t></a:r></a:p><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>第二段</a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p>',
    );
  });
});

describe('fixAutofit', () => {
  const shape = (name: string) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="${name}"/></p:nvSpPr><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr></p:txBody></p:sp>`;

  it('puts each named body’s computed fit in place of the bare element, and leaves other shapes alone', () => {
    const fixed = fixAutofit(shape('ul-1') + shape('p-2'), { 'ul-1': '<a:normAutofit fontScale="85000"/>' });
    expect(fixed).toBe(shape('ul-1').replace('<a:normAutofit/>', '<a:normAutofit fontScale="85000"/>') + shape('p-2'));
  });
});
