// Fragment steps as PowerPoint click animations, on a fixture deck with a
// slide without steps, a list stepped item by item, two paragraphs and a
// picture in an order of their own (data-fragment-index), and a card set
// that comes in as one. The package is read with an XML parser: one click
// group per step, in the deck's order, each effect on the right shape (by
// spid) and paragraph; LibreOffice Impress, through its own API (python3-uno,
// tests/helpers/loAnimations.py), reads the same effects from the file. The
// notes name each step. With --rehearsed-timings each slide advances after
// its time in the fixture's rehearsal.json, its steps by themselves; without
// it nothing advances.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPEFACE } from '../../../../src/export/pptx/writePptx.ts';
import { runExport, type ExportRun } from '../../../helpers/exportRun.ts';
import { fontConfig, loAnimations, type LoEffect } from '../../../helpers/libreoffice.ts';

const DECK = 'tests/fixtures/fragments';
let dir: string;
let plain: JSZip;
let timedZip: JSZip;
let timedRun: ExportRun;
let lo: { slide: number; groups: LoEffect[][] }[];
// jsdom's XML parser (it ships no types: typed by the one thing used).
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { DOMParser: new () => DOMParser } };
};
const parser = new new JSDOM('').window.DOMParser();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-pptx-steps-'));
  const file = path.join(dir, 'steps.pptx');
  expect((await runExport(['--slides', DECK, '--out', file])).code).toBe(0);
  timedRun = await runExport(['--slides', DECK, '--out', path.join(dir, 'timed.pptx'), '--rehearsed-timings']);
  expect(timedRun.code).toBe(0);
  plain = await JSZip.loadAsync(await readFile(file));
  timedZip = await JSZip.loadAsync(await readFile(path.join(dir, 'timed.pptx')));
  const fonts = await fontConfig(dir, 'wqy', TYPEFACE, 'WenQuanYi Micro Hei');
  lo = await loAnimations(file, fonts, path.join(dir, 'profile'));
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function slideXml(zip: JSZip, n: number): Promise<Document> {
  const text = await zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
  const doc = parser.parseFromString(text, 'text/xml');
  expect(doc.getElementsByTagName('parsererror').length, `slide ${n} parses`).toBe(0);
  return doc;
}

const byTag = (el: Element | Document, tag: string): Element[] => Array.from(el.getElementsByTagName(tag));

/** Each shape on the slide by id: its name and its paragraphs' text. */
function shapes(doc: Document): Map<number, { name: string; paragraphs: string[]; picture: boolean }> {
  const out = new Map<number, { name: string; paragraphs: string[]; picture: boolean }>();
  for (const sp of [...byTag(doc, 'p:sp'), ...byTag(doc, 'p:pic')]) {
    const nv = byTag(sp, 'p:cNvPr')[0];
    out.set(Number(nv.getAttribute('id')), {
      name: nv.getAttribute('name') ?? '',
      paragraphs: byTag(sp, 'a:p').map((p) =>
        byTag(p, 'a:t')
          .map((t) => t.textContent)
          .join(''),
      ),
      picture: sp.tagName === 'p:pic',
    });
  }
  return out;
}

interface Effect {
  nodeType: string;
  preset: string;
  spid: number;
  paragraph?: number;
  duration?: number;
  delay: string;
}

/** The main sequence's groups (each a click, or with automatic timing one block per step), their effects in order. */
function groups(doc: Document): Effect[][] {
  const main = byTag(doc, 'p:cTn').find((c) => c.getAttribute('nodeType') === 'mainSeq');
  if (!main) return [];
  const outer = Array.from(main.getElementsByTagName('p:childTnLst')[0].children);
  const blocks =
    outer.length === 1 && byTag(outer[0], 'p:cond').some((c) => c.getAttribute('evt') === 'onBegin')
      ? Array.from(byTag(outer[0], 'p:childTnLst')[0].children)
      : outer;
  return blocks.map((block) =>
    byTag(block, 'p:cTn')
      .filter((c) => c.getAttribute('presetClass') === 'entr')
      .map((c) => {
        const tgt = byTag(c, 'p:spTgt')[0];
        const range = byTag(tgt, 'p:pRg')[0];
        const fade = byTag(c, 'p:animEffect')[0];
        return {
          nodeType: c.getAttribute('nodeType') ?? '',
          preset: c.getAttribute('presetID') ?? '',
          spid: Number(tgt.getAttribute('spid')),
          paragraph: range ? Number(range.getAttribute('st')) : undefined,
          duration: fade ? Number(byTag(fade, 'p:cTn')[0].getAttribute('dur')) : undefined,
          delay: byTag(c, 'p:cond')[0]?.getAttribute('delay') ?? '',
        };
      }),
  );
}

/** What an effect shows: the shape's text (or the paragraph's), "picture" for a picture. */
function shown(doc: Document, e: Effect): string {
  const shape = shapes(doc).get(e.spid);
  if (!shape) return `no shape ${e.spid}`;
  if (shape.picture) return 'picture';
  return e.paragraph === undefined ? shape.paragraphs.join('|') : (shape.paragraphs[e.paragraph] ?? `no paragraph ${e.paragraph}`);
}

describe('fragment steps as PowerPoint animations', () => {
  it('a slide without fragments has no timing tree', async () => {
    expect(byTag(await slideXml(plain, 1), 'p:timing')).toEqual([]);
  });

  it('a list stepped item by item: one click per item, each on its paragraph, built by paragraph', async () => {
    const doc = await slideXml(plain, 2);
    const steps = groups(doc);
    expect(steps.map((g) => g.map((e) => e.nodeType))).toEqual([['clickEffect'], ['clickEffect'], ['clickEffect']]);
    expect(steps.map((g) => shown(doc, g[0]))).toEqual(['第一条：企业牵头', '第二条：高校支撑', '第三条：院所协同']);
    // All three paragraphs of one text body (the sentence before them too, shown from the start).
    const spid = steps[0][0].spid;
    expect(steps.every((g) => g[0].spid === spid)).toBe(true);
    expect(shapes(doc).get(spid)?.paragraphs[0]).toContain('先说明一句');
    const builds = byTag(doc, 'p:bldP').map((b) => [b.getAttribute('spid'), b.getAttribute('build'), b.getAttribute('grpId')]);
    expect(builds).toEqual([[String(spid), 'p', '0']]);
  });

  it("fades in as the deck's fragments do (reveal.js: opacity over 0.2 s)", async () => {
    const effects = groups(await slideXml(plain, 2)).flat();
    expect(effects.map((e) => [e.preset, e.duration])).toEqual([
      ['10', 200],
      ['10', 200],
      ['10', 200],
    ]);
  });

  it('two paragraphs and a picture come in in the deck’s order (data-fragment-index first)', async () => {
    const doc = await slideXml(plain, 3);
    const steps = groups(doc);
    expect(steps.map((g) => g.map((e) => shown(doc, e)))).toEqual([
      ['第二段文字，第一个出现。'],
      ['第一段文字，第二个出现。'],
      ['picture'],
    ]);
    expect(steps.map((g) => g[0].nodeType)).toEqual(['clickEffect', 'clickEffect', 'clickEffect']);
  });

  it('a card set comes in on one click: its boxes, texts and icons together', async () => {
    const doc = await slideXml(plain, 4);
    const steps = groups(doc);
    expect(steps.length).toBe(1);
    const [first, ...rest] = steps[0];
    expect(first.nodeType).toBe('clickEffect');
    expect(rest.every((e) => e.nodeType === 'withEffect')).toBe(true);
    const what = steps[0].map((e) => shown(doc, e));
    expect(what.filter((w) => w === 'picture').length, 'the two icons').toBe(2);
    for (const text of ['目标', '说明要达到的结果', '方法', '说明怎样去做']) expect(what.join('|')).toContain(text);
    // Nothing else on the slide moves: the title, the footer and the slide number are not targets.
    const names = steps[0].map((e) => shapes(doc).get(e.spid)?.name ?? '');
    expect(names.filter((n) => /Title|Footer|Slide Number/.test(n))).toEqual([]);
  });

  it('LibreOffice Impress reads the same effects: entrances on click, in that order, on the same shapes and paragraphs', async () => {
    expect(lo.length).toBe(4);
    for (const n of [1, 2, 3, 4]) {
      const doc = await slideXml(plain, n);
      const ours = groups(doc).map((g) =>
        g.map((e) => ({
          shape: shapes(doc).get(e.spid)?.name,
          paragraph: e.paragraph ?? null,
          trigger: e.nodeType === 'clickEffect' ? 1 : 2,
        })),
      );
      const theirs = lo[n - 1].groups.map((g) => g.map((e) => ({ shape: e.shape, paragraph: e.paragraph, trigger: e.trigger })));
      expect(theirs, `slide ${n}`).toEqual(ours);
      for (const e of lo[n - 1].groups.flat()) {
        expect(e.class, 'an entrance').toBe(1);
        expect(e.preset).toBe('ooo-entrance-fade-in');
      }
    }
    expect(lo[0].groups).toEqual([]);
  });

  it('the notes say what each step shows, after the slide’s own notes', async () => {
    const rels = await plain.file('ppt/slides/_rels/slide2.xml.rels')!.async('string');
    const target = /Target="\.\.\/notesSlides\/([^"]+)"/.exec(rels)?.[1];
    const notes = await plain.file(`ppt/notesSlides/${target}`)!.async('string');
    const lines = [...notes.matchAll(/<a:p>(.*?)<\/a:p>/gs)].map((p) =>
      [...p[1].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
    );
    expect(lines.filter((l) => l !== '' && !/^\d+$/.test(l))).toEqual([
      '讲到哪一条，按一次键。',
      '第 1 步：第一条：企业牵头',
      '第 2 步：第二条：高校支撑',
      '第 3 步：第三条：院所协同',
    ]);
  });
});

describe('--rehearsed-timings', () => {
  it('without it no slide advances by itself', async () => {
    for (const n of [1, 2, 3, 4]) expect(byTag(await slideXml(plain, n), 'p:transition'), `slide ${n}`).toEqual([]);
  });

  it('each rehearsed slide advances after its time in rehearsal.json; the slide without one waits, and says so', async () => {
    const rehearsal = JSON.parse(await readFile(path.join(DECK, 'rehearsal.json'), 'utf8')) as { slides: Record<string, number> };
    const titles = ['没有分步的一页', '逐条出现的要点', '两段文字和一张图', '一组卡片'];
    for (const [i, title] of titles.entries()) {
      const seconds = rehearsal.slides[`01-deck.md#${title}`];
      const transition = byTag(await slideXml(timedZip, i + 1), 'p:transition')[0];
      expect(transition?.getAttribute('advTm') ?? null, title).toBe(seconds === undefined ? null : String(Math.round(seconds * 1000)));
    }
    expect(timedRun.stderr).toMatch(
      /--rehearsed-timings: 1 slide has no rehearsed time and waits for a click: .*fragments\/01-deck\.md:39/,
    );
  });

  it('the steps of a rehearsed slide come in by themselves, spread evenly over its time', async () => {
    const steps = groups(await slideXml(timedZip, 2));
    expect(steps.map((g) => g.map((e) => e.nodeType))).toEqual([['afterEffect'], ['afterEffect'], ['afterEffect']]);
    // 40 s, three steps: one every 10 s.
    expect(steps.map((g) => g[0].delay)).toEqual(['10000', '10000', '10000']);
    // The unrehearsed slide's card set still waits for its click.
    expect(groups(await slideXml(timedZip, 4)).map((g) => g[0].nodeType)).toEqual(['clickEffect']);
  });
});
