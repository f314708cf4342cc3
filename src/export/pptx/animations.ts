// A slide's fragment steps as PowerPoint animations (pptxgenjs writes none):
// the slide's timing tree (<p:timing>, ECMA-376 §19.5) as PowerPoint writes
// it for entrance effects — one click group per step in the main sequence,
// each an Appear (presetID 1: visibility set) or a Fade (presetID 10:
// visibility set and a fade filter) per shape, the first effect of a group on
// the click, the others with it. A list stepped item by item is built by
// paragraph (each effect targets a paragraph range of its text body, and the
// build list says build="p"). With rehearsed timings the steps follow one
// another by themselves, spread over the slide's time. fixPackage.ts puts it
// into the slide's XML.
import type { FragmentStep } from '../../shared/slideData.ts';

/** One shape (or some of its paragraphs) that a step shows. */
export interface StepTarget {
  /** The shape's name as written (its cNvPr name). */
  name: string;
  /** What it is: a text body is listed in the build list (by paragraph when `paragraphs` is set). */
  kind: 'text' | 'shape' | 'picture' | 'table';
  /** Paragraph indices (0-based) in its text body; none: the whole shape. */
  paragraphs?: number[];
}

export interface StepFix extends FragmentStep {
  targets: StepTarget[];
}

export interface SlideAnimation {
  steps: StepFix[];
  /** Rehearsed timings: the steps start by themselves, `wait` ms after the one before (and the slide). */
  wait?: number;
}

/** Each shape's id on the slide, by its name. */
export function shapeIds(xml: string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const m of xml.matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"/g)) ids.set(m[2], Number(m[1]));
  return ids;
}

function target(spid: number, paragraph?: number): string {
  return paragraph === undefined
    ? `<p:spTgt spid="${spid}"/>`
    : `<p:spTgt spid="${spid}"><p:txEl><p:pRg st="${paragraph}" end="${paragraph}"/></p:txEl></p:spTgt>`;
}

class Ids {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

type NodeType = 'clickEffect' | 'withEffect' | 'afterEffect';

/** One entrance effect on one target: PowerPoint's Appear or Fade preset. */
function effect(step: FragmentStep, tgt: string, nodeType: NodeType, ids: Ids, delay: number): string {
  const fade = step.effect === 'fade';
  const head = `<p:cTn id="${ids.take()}" presetID="${fade ? 10 : 1}" presetClass="entr" presetSubtype="0" fill="hold" grpId="0" nodeType="${nodeType}">`;
  const set = `<p:set><p:cBhvr><p:cTn id="${ids.take()}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn><p:tgtEl>${tgt}</p:tgtEl><p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>`;
  const anim = fade
    ? `<p:animEffect transition="in" filter="fade"><p:cBhvr><p:cTn id="${ids.take()}" dur="${Math.max(1, Math.round(step.duration))}"/><p:tgtEl>${tgt}</p:tgtEl></p:cBhvr></p:animEffect>`
    : '';
  return `<p:par>${head}<p:stCondLst><p:cond delay="${delay}"/></p:stCondLst><p:childTnLst>${set}${anim}</p:childTnLst></p:cTn></p:par>`;
}

/** The effects of one step: the first on the click (or after the previous step), the rest with it. */
function stepEffects(step: StepFix, idOf: Map<string, number>, ids: Ids, first: NodeType, delay: number): string[] {
  const out: string[] = [];
  for (const t of step.targets) {
    const spid = idOf.get(t.name);
    if (spid === undefined) throw new Error(`internal: no shape named "${t.name}" for a fragment step`);
    for (const paragraph of t.paragraphs ?? [undefined]) {
      out.push(effect(step, target(spid, paragraph), out.length === 0 ? first : 'withEffect', ids, out.length === 0 ? delay : 0));
    }
  }
  return out;
}

const par = (id: number, conditions: string, children: string): string =>
  `<p:par><p:cTn id="${id}" fill="hold"><p:stCondLst>${conditions}</p:stCondLst><p:childTnLst>${children}</p:childTnLst></p:cTn></p:par>`;

/** The main sequence's click groups: one per step, each waiting for its click. */
function clickGroups(steps: StepFix[], idOf: Map<string, number>, ids: Ids): string {
  return steps
    .map((step) => {
      const outer = ids.take();
      const inner = ids.take();
      const effects = stepEffects(step, idOf, ids, 'clickEffect', 0).join('');
      return par(outer, '<p:cond delay="indefinite"/>', par(inner, '<p:cond delay="0"/>', effects));
    })
    .join('');
}

/** Rehearsed timings: one group that starts with the slide, each step `wait` ms after the previous one ended. */
function timedGroup(steps: StepFix[], wait: number, idOf: Map<string, number>, ids: Ids): string {
  const outer = ids.take();
  let at = 0;
  const blocks = steps.map((step) => {
    const inner = ids.take();
    const block = par(inner, `<p:cond delay="${Math.round(at)}"/>`, stepEffects(step, idOf, ids, 'afterEffect', Math.round(wait)).join(''));
    at += wait + (step.effect === 'fade' ? step.duration : 1);
    return block;
  });
  return par(outer, '<p:cond delay="indefinite"/><p:cond evt="onBegin" delay="0"><p:tn val="2"/></p:cond>', blocks.join(''));
}

/** The build list: each text body once (by paragraph where its paragraphs come in one by one), each plain shape once. */
function buildList(steps: StepFix[], idOf: Map<string, number>): string {
  const builds = new Map<number, string>();
  for (const t of steps.flatMap((s) => s.targets)) {
    const spid = idOf.get(t.name);
    if (spid === undefined || builds.has(spid)) continue;
    if (t.kind === 'text') builds.set(spid, `<p:bldP spid="${spid}" grpId="0"${t.paragraphs ? ' build="p"' : ''}/>`);
    if (t.kind === 'shape') builds.set(spid, `<p:bldP spid="${spid}" grpId="0" animBg="1"/>`);
  }
  return builds.size > 0 ? `<p:bldLst>${[...builds.values()].join('')}</p:bldLst>` : '';
}

/** The slide's <p:timing>, or '' for a slide without steps. */
export function timingXml(animation: SlideAnimation, idOf: Map<string, number>): string {
  const steps = animation.steps.filter((s) => s.targets.length > 0);
  if (steps.length === 0) return '';
  const ids = new Ids();
  const root = ids.take();
  const main = ids.take();
  const groups = animation.wait === undefined ? clickGroups(steps, idOf, ids) : timedGroup(steps, animation.wait, idOf, ids);
  const slide = '<p:tgtEl><p:sldTgt/></p:tgtEl>';
  return (
    `<p:timing><p:tnLst><p:par><p:cTn id="${root}" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>` +
    `<p:seq concurrent="1" nextAc="seek"><p:cTn id="${main}" dur="indefinite" nodeType="mainSeq"><p:childTnLst>${groups}</p:childTnLst></p:cTn>` +
    `<p:prevCondLst><p:cond evt="onPrev" delay="0">${slide}</p:cond></p:prevCondLst>` +
    `<p:nextCondLst><p:cond evt="onNext" delay="0">${slide}</p:cond></p:nextCondLst></p:seq>` +
    `</p:childTnLst></p:cTn></p:par></p:tnLst>${buildList(steps, idOf)}</p:timing>`
  );
}

/**
 * The slide's XML with its advance time (rehearsed timings, ms) and its
 * timing tree, where the schema puts them: after the colour map, the
 * transition before the timing.
 */
export function addTiming(xml: string, animation: SlideAnimation, advance?: number): string {
  const timing = timingXml(animation, shapeIds(xml));
  const transition = advance === undefined ? '' : `<p:transition advTm="${Math.round(advance)}"/>`;
  if (timing === '' && transition === '') return xml;
  const cleared = xml.replace(/<p:transition\b[^>]*\/>|<p:transition\b[^>]*>.*?<\/p:transition>/s, '');
  const at = cleared.indexOf('</p:clrMapOvr>');
  if (at < 0) throw new Error('internal: a slide without <p:clrMapOvr>');
  const end = at + '</p:clrMapOvr>'.length;
  return cleared.slice(0, end) + transition + timing + cleared.slice(end);
}
