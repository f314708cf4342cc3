// The timing tree of a slide's fragment steps (src/export/pptx/animations.ts):
// one click group per step in the main sequence, PowerPoint's Appear and Fade
// presets, paragraph targets and the build list, the automatic steps of
// rehearsed timings, and where the tree and the advance time go in the
// slide's XML.
import { describe, expect, it } from 'vitest';
import { addTiming, shapeIds, timingXml, type SlideAnimation } from '../../../../src/export/pptx/animations.ts';

const SLIDE =
  '<p:sld><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="4" name="ul 3"/></p:nvSpPr></p:sp>' +
  '<p:pic><p:nvPicPr><p:cNvPr id="5" name="picture 4" descr="图"/></p:nvPicPr></p:pic></p:spTree></p:cSld>' +
  '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>';

const LIST: SlideAnimation = {
  steps: [
    { effect: 'fade', duration: 200, targets: [{ name: 'ul 3', kind: 'text', paragraphs: [1] }] },
    { effect: 'fade', duration: 200, targets: [{ name: 'ul 3', kind: 'text', paragraphs: [2] }] },
    { effect: 'appear', duration: 0, targets: [{ name: 'picture 4', kind: 'picture' }] },
  ],
};

describe('timingXml', () => {
  it('writes one click group per step, each effect on its shape and paragraph', () => {
    const xml = timingXml(LIST, shapeIds(SLIDE));
    const groups = xml.split('<p:cond delay="indefinite"/>').slice(1);
    expect(groups.length).toBe(3);
    expect(groups[0]).toContain('<p:spTgt spid="4"><p:txEl><p:pRg st="1" end="1"/></p:txEl></p:spTgt>');
    expect(groups[1]).toContain('<p:pRg st="2" end="2"/>');
    expect(groups[2]).toContain('<p:spTgt spid="5"/>');
    expect(xml.match(/nodeType="clickEffect"/g)).toHaveLength(3);
    expect(xml).toContain('nodeType="mainSeq"');
  });

  it('fades with a visibility set and a fade filter (preset 10), appears with the set alone (preset 1)', () => {
    const xml = timingXml(LIST, shapeIds(SLIDE));
    expect(xml.match(/presetID="10" presetClass="entr"/g)).toHaveLength(2);
    expect(xml.match(/presetID="1" presetClass="entr"/g)).toHaveLength(1);
    expect(xml.match(/<p:attrName>style.visibility<\/p:attrName>/g)).toHaveLength(3);
    expect(xml.match(/<p:animEffect transition="in" filter="fade"><p:cBhvr><p:cTn id="\d+" dur="200"\/>/g)).toHaveLength(2);
  });

  it('builds a text body by paragraph in the build list; a picture needs none', () => {
    expect(timingXml(LIST, shapeIds(SLIDE))).toContain('<p:bldLst><p:bldP spid="4" grpId="0" build="p"/></p:bldLst>');
    const whole = timingXml({ steps: [{ effect: 'fade', duration: 200, targets: [{ name: 'ul 3', kind: 'text' }] }] }, shapeIds(SLIDE));
    expect(whole).toContain('<p:bldP spid="4" grpId="0"/>');
  });

  it('numbers every time node once', () => {
    const ids = [...timingXml(LIST, shapeIds(SLIDE)).matchAll(/<p:cTn id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBe(1);
  });

  it('with rehearsed timings: one group that starts with the slide, each step after the previous, a wait apart', () => {
    const xml = timingXml({ ...LIST, wait: 5000 }, shapeIds(SLIDE));
    expect(xml).toContain('<p:cond evt="onBegin" delay="0"><p:tn val="2"/></p:cond>');
    expect(xml.match(/nodeType="afterEffect"/g)).toHaveLength(3);
    expect(xml).not.toContain('clickEffect');
    expect(xml.match(/nodeType="afterEffect"><p:stCondLst><p:cond delay="5000"\/>/g)).toHaveLength(3);
  });

  it('writes nothing for a slide without steps, and names a missing shape', () => {
    expect(timingXml({ steps: [] }, shapeIds(SLIDE))).toBe('');
    expect(() =>
      timingXml({ steps: [{ effect: 'fade', duration: 200, targets: [{ name: 'gone', kind: 'shape' }] }] }, shapeIds(SLIDE)),
    ).toThrow(/no shape named "gone"/);
  });
});

describe('addTiming', () => {
  it('puts the transition and then the timing after the colour map', () => {
    const xml = addTiming(SLIDE, LIST, 12500);
    expect(xml).toMatch(/<\/p:clrMapOvr><p:transition advTm="12500"\/><p:timing>.*<\/p:timing><\/p:sld>$/s);
  });

  it('leaves a slide without steps or advance time as it was', () => {
    expect(addTiming(SLIDE, { steps: [] })).toBe(SLIDE);
    expect(addTiming(SLIDE, { steps: [] }, 3000)).toContain('<p:transition advTm="3000"/></p:sld>');
  });
});
