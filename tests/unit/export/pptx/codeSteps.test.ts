// A stepped code block as one box per step (src/export/pptx/codeSteps.ts):
// each box lights its step's lines and dims the others into the background,
// the first shows from the start and each next one at its slide step; the
// notes name the lines lit (stepTargets.ts); a block without steps stays one box.
import { describe, expect, it } from 'vitest';
import type { Paragraph, TextItem } from '../../../../src/shared/slideData.ts';
import { codeStepBoxes, linesSaid } from '../../../../src/export/pptx/codeSteps.ts';
import { stepTargets } from '../../../../src/export/pptx/stepTargets.ts';

const box = { x: 0, y: 0, w: 400, h: 90 };
const line = (text: string, hex: string): Paragraph => ({
  runs: [{ text, size: 20, bold: false, italic: false, underline: false, colour: { hex, alpha: 1 }, mono: true }],
  align: 'left',
  lineHeight: 30,
  spaceBefore: 0,
  indent: 0,
  bulletAt: 0,
  level: 0,
  hanging: true,
});
const ground = { hex: 'FFFFFF', alpha: 1 };
const block: TextItem = {
  kind: 'text',
  tag: 'pre',
  box,
  paragraphs: [line('def mean(values):', '000000'), line('    total = sum(values)', '000000'), line('    return total', '000000')],
  code: {
    lang: 'python',
    steps: [{ lines: [1] }, { fragment: 0, step: 0, lines: [2, 3] }, { fragment: 1, step: 1, lines: [1, 2, 3] }],
    dim: { opacity: 0.5, ground },
  },
};
const colours = (item: TextItem): string[] => item.paragraphs.map((p) => p.runs[0].colour.hex);
const appear = { effect: 'appear' as const, duration: 0 };

describe('codeStepBoxes', () => {
  it('draws each step with its lines lit and the others mixed into the background', () => {
    const boxes = codeStepBoxes(block);
    expect(boxes.map((b) => colours(b.item))).toEqual([
      ['000000', '808080', '808080'],
      ['808080', '000000', '000000'],
      ['000000', '000000', '000000'],
    ]);
    expect(boxes.map((b) => [b.index, b.step])).toEqual([
      [0, undefined],
      [1, 0],
      [2, 1],
    ]);
    // The item as read is left as it was.
    expect(colours(block)).toEqual(['000000', '000000', '000000']);
  });

  it('leaves a block without steps as one box, its colours as read', () => {
    const plain: TextItem = { ...block, code: { lang: 'python', steps: [] } };
    expect(codeStepBoxes(plain)).toEqual([{ item: plain, index: 0, lines: [] }]);
  });

  it('gives each next box a click of its own, in the slide’s order with the other fragments, and names the lines lit', () => {
    const named = codeStepBoxes(block).map((b) => ({
      item: b.item,
      name: b.index === 0 ? 'code 4' : `code 4 step ${b.index}`,
      codeStep: { step: b.step, lines: b.lines },
    }));
    const bullet: TextItem = { kind: 'text', tag: 'ul', box, paragraphs: [{ ...line('第一步', '000000'), step: 2 }] };
    const { steps, notes } = stepTargets([...named, { item: bullet, name: 'ul 5' }], [appear, appear, appear]);
    expect(steps.map((s) => s.targets)).toEqual([
      [{ name: 'code 4 step 1', kind: 'text' }],
      [{ name: 'code 4 step 2', kind: 'text' }],
      [{ name: 'ul 5', kind: 'text' }],
    ]);
    expect(notes).toEqual(['第 1 步：代码第 2–3 行', '第 2 步：全部代码行', '第 3 步：第一步']);
  });
});

describe('linesSaid', () => {
  it('says runs of lines as ranges', () => {
    expect(linesSaid([4, 1, 5, 6], 10)).toBe('代码第 1、4–6 行');
    expect(linesSaid([2], 3)).toBe('代码第 2 行');
    expect(linesSaid([1, 2, 3], 3)).toBe('全部代码行');
    expect(linesSaid([], 3)).toBe('代码不亮任何行');
  });
});
