// @vitest-environment happy-dom
// The unknown-class rule: a class nothing styles, with the nearest known one.
import { describe, expect, it } from 'vitest';
import { classes, closest, distance } from '../../../../src/client/doctor/rules/classes.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('distance and closest', () => {
  it('measure edits, and suggest within two', () => {
    expect(distance('fragmnet', 'fragment')).toBe(2);
    expect(closest('fragmnet', new Set(['fragment', 'columns']))).toBe('fragment');
    expect(closest('zzz', new Set(['fragment']))).toBeUndefined();
  });
});

describe('classes', () => {
  it('names each unknown class once, at its first element, with a suggestion', () => {
    const ctx = slide('<p class="notice" data-line="7">一</p><p class="notice">二</p><p class="noticee" data-line="9">三</p>', {
      known: ['notice'],
    });
    expect(classes(ctx)).toEqual([
      { level: 'warning', message: 'unknown class ".noticee": no style or behaviour uses it (did you mean ".notice"?)', line: 9 },
    ]);
  });
  it("leaves reveal.js's and the deck's own classes alone", () => {
    expect(classes(slide('<p class="fragment visible layout-columns mermaid-diagram">x</p>'))).toEqual([]);
  });
});
