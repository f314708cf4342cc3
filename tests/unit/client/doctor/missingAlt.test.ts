// @vitest-environment happy-dom
// The missing-alt rule: a picture a screen reader and the PDF cannot name.
import { describe, expect, it } from 'vitest';
import { fileName, missingAlt } from '../../../../src/client/doctor/rules/missingAlt.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('fileName', () => {
  it("drops the build's folder and hash prefix", () => {
    expect(fileName('assets/157d9868-cards.svg')).toBe('cards.svg');
    expect(fileName('data:image/png;base64,AAAA')).toBe('an inline data: image');
  });
});

describe('missingAlt', () => {
  it('warns on a picture without alt text, at its line; not on a decorative one', () => {
    const ctx = slide(
      '<p data-line="7"><img src="assets/157d9868-cards.svg"></p><p><img src="a.png" alt="说明"></p><p><img src="b.png" alt="" role="presentation"></p>',
    );
    expect(missingAlt(ctx)).toEqual([
      {
        level: 'warning',
        message: 'image without alt text: cards.svg (write what it shows: ![说明](…); a screen reader and the PDF read it)',
        line: 7,
      },
    ]);
  });
});
