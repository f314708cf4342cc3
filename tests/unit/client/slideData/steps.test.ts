// @vitest-environment happy-dom
// The reader's fragment steps (src/client/slideData/steps.ts) in a DOM
// without layout: reveal.js's order (data-fragment-index, then document
// order), the styles that are no entrance, the step of an element inside
// nested fragments, and how a step comes in (the fragment's transition).
import { beforeEach, describe, expect, it } from 'vitest';
import { beginSteps, cssMs, effectOf, fragmentGroups, isEntrance, stepOf } from '../../../../src/client/slideData/steps.ts';

function slide(markup: string): HTMLElement {
  document.body.innerHTML = `<section>${markup}</section>`;
  return document.body.firstElementChild as HTMLElement;
}

const byId = (id: string): Element => document.getElementById(id)!;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('fragment steps', () => {
  it('orders them as reveal.js does: indices first, in order, then the rest one by one in document order', () => {
    const s = slide(
      '<p id="a" class="fragment"></p><p id="b" class="fragment" data-fragment-index="3"></p>' +
        '<p id="c" class="fragment" data-fragment-index="1"></p><p id="d" class="fragment" data-fragment-index="3"></p><p id="e" class="fragment"></p>',
    );
    const groups = fragmentGroups(Array.from(s.querySelectorAll('.fragment')));
    expect(groups.map((g) => g.map((f) => f.id))).toEqual([['c'], ['b', 'd'], ['a'], ['e']]);
  });

  it('gives each element the step of the latest fragment it sits in, none outside them', () => {
    const s = slide(
      '<h2 id="t">标题</h2><ul class="fragment" id="list"><li id="one">一</li><li id="two" class="fragment">二</li></ul>' +
        '<p id="p" class="fragment" data-fragment-index="0"><span id="inner">文字</span></p>',
    );
    const steps = beginSteps(s);
    expect(steps.length).toBe(3);
    expect(stepOf(byId('t'))).toBeUndefined();
    expect(stepOf(byId('inner'))).toBe(0);
    expect(stepOf(byId('one'))).toBe(1);
    expect(stepOf(byId('two'))).toBe(2);
  });

  it('leaves out styles that show the element from the start, and fragments in the notes', () => {
    expect(isEntrance(Object.assign(document.createElement('p'), { className: 'fragment highlight-red' }))).toBe(false);
    expect(isEntrance(Object.assign(document.createElement('p'), { className: 'fragment fade-out' }))).toBe(false);
    expect(isEntrance(Object.assign(document.createElement('p'), { className: 'fragment fade-up' }))).toBe(true);
    const s = slide(
      '<p id="a" class="fragment grow">大</p><p id="b" class="fragment">入</p><aside class="notes"><p class="fragment">备注</p></aside>',
    );
    expect(beginSteps(s).length).toBe(1);
    expect(stepOf(byId('a'))).toBeUndefined();
    expect(stepOf(byId('b'))).toBe(0);
  });

  it('fades over the fragment’s opacity transition, or appears at once', () => {
    expect(cssMs('0.2s')).toBe(200);
    expect(cssMs('0s, 350ms')).toBe(350);
    slide(
      '<p id="f" class="fragment" style="transition-property: opacity; transition-duration: 0.2s">淡入</p><p id="n" class="fragment" style="transition-property: none; transition-duration: 0s">出现</p>',
    );
    expect(effectOf(byId('f'))).toEqual({ effect: 'fade', duration: 200 });
    expect(effectOf(byId('n'))).toEqual({ effect: 'appear', duration: 0 });
  });
});
