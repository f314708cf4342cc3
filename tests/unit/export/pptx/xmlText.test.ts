// xmlSafe (src/export/pptx/xmlText.ts): what XML 1.0 forbids never reaches a
// part of the PowerPoint package; Word's \v becomes a line break that keeps
// its run's properties. The package read back by Chromium and LibreOffice is
// tests/e2e/export/pptx/controlCharacters.test.ts.
import { describe, expect, it } from 'vitest';
import { xmlSafe } from '../../../../src/export/pptx/xmlText.ts';

describe('xmlSafe', () => {
  it('splits a run at \\v with its properties and strips what XML 1.0 forbids', () => {
    const xml = '<a:p><a:r><a:rPr lang="zh-CN" sz="2000"/><a:t>a\x0Bb\x01c</a:t></a:r></a:p><dc:title>t\x1F\uFFFEi\uD800tle</dc:title>';
    expect(xmlSafe(xml)).toBe(
      '<a:p><a:r><a:rPr lang="zh-CN" sz="2000"/><a:t>a</a:t></a:r><a:br><a:rPr lang="zh-CN" sz="2000"/></a:br><a:r><a:rPr lang="zh-CN" sz="2000"/><a:t>bc</a:t></a:r></a:p><dc:title>title</dc:title>',
    );
    expect(xmlSafe('<a:t>tab\tand\nnewline 😀</a:t>')).toBe('<a:t>tab\tand\nnewline 😀</a:t>');
  });
});
