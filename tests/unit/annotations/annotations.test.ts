// slides/annotations.json, bad and hostile: bad JSON, wrong types, 50 MB, ids
// no slide has, a symlink out of the folder; each is a warning at file:line
// and the deck still builds (loadDeck has no errors); a good file comes back
// on the deck. The dev server's writer: many saves at once leave one whole
// file and no temp files, and it never writes through a symlink.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck, errorsOf } from '../../../src/deck/loadDeck.ts';
import { formatProblem } from '../../../src/shared/problem.ts';
import { annotationsWriter } from '../../../src/annotations/annotationsWriter.ts';
import { jsonErrorLine } from '../../../src/annotations/annotationsFile.ts';
import { parseAnnotations, serializeAnnotations, isShapeProblem, type Annotations } from '../../../src/shared/annotations.ts';
import { parseClientMessage } from '../../../src/shared/liveChannel.ts';
import { displayPath } from '../../../src/project/readSources.ts';

const ID = '01-pen.md#第五张';
const stroke = (id: string, step = 0) => ({
  id,
  tool: 'pen',
  color: '#a3302b',
  size: 6,
  step,
  points: [
    [10, 10, 0.5],
    [20, 30, 0.7],
  ],
});
const good = { version: 1, slides: { [ID]: [stroke('a'), stroke('b', 2)] } };

let dir: string;
let slides: string;

/** Loads the deck with `text` as its annotations.json (null: none; undefined: leave what is there). */
async function withFile(text: string | null | undefined): Promise<{ messages: string[]; errors: number; annotations?: Annotations }> {
  const file = path.join(slides, 'annotations.json');
  if (text !== undefined) await rm(file, { force: true });
  if (typeof text === 'string') await writeFile(file, text);
  const result = await loadDeck(slides);
  return {
    messages: result.problems.filter((p) => p.pos.file.endsWith('annotations.json')).map(formatProblem),
    errors: errorsOf(result.problems).length,
    annotations: result.deck.annotations,
  };
}

beforeAll(async () => {
  // Not the browser helpers' tempDir: importing them would load Puppeteer and Vite into a unit test.
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-annotations-'));
  slides = path.join(dir, 'slides');
  await cp('tests/fixtures/pen', slides, { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading slides/annotations.json', () => {
  it('a good file comes back on the deck, with nothing to say', async () => {
    const { messages, annotations } = await withFile(serializeAnnotations(parseAnnotations(good) as Annotations));
    expect(messages).toEqual([]);
    expect(annotations?.slides[ID].map((s) => s.step)).toEqual([0, 2]);
  });

  it('no file: no drawings, no message', async () => {
    expect(await withFile(null)).toEqual({ messages: [], errors: 0, annotations: undefined });
  });

  it('bad JSON: a warning at its line, the deck builds without drawings', async () => {
    const { messages, errors, annotations } = await withFile('{\n  "version": 1,\n  "slides": {\n    "x": [,]\n  }\n}\n');
    expect(errors).toBe(0);
    expect(annotations).toBeUndefined();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/annotations\.json:4: warning: not JSON: .*the drawings in it are not shown/);
  });

  it('wrong types: the slide and stroke named, at the line of its slide id', async () => {
    const bad = { version: 1, slides: { [ID]: [stroke('a'), { ...stroke('b'), color: 'url(javascript:alert(1))' }] } };
    const { messages, errors, annotations } = await withFile(JSON.stringify(bad, null, 2));
    expect(errors).toBe(0);
    expect(annotations).toBeUndefined();
    expect(messages).toEqual([
      expect.stringMatching(/annotations\.json:4: warning: "01-pen\.md#第五张", stroke 2: "color": expected "#rrggbb"/),
    ]);
    for (const wrong of [[], 'x', { version: 2, slides: {} }, { version: 1, slides: [] }, { version: 1, slides: { [ID]: 'x' } }]) {
      const r = await withFile(JSON.stringify(wrong));
      expect(r.messages, JSON.stringify(wrong)).toHaveLength(1);
      expect(r.errors).toBe(0);
      expect(r.annotations).toBeUndefined();
    }
    // Numbers out of range, too many points, a hostile key.
    for (const s of [
      { ...stroke('a'), points: [[1e308, 0]] },
      { ...stroke('a'), points: Array.from({ length: 6000 }, () => [1, 1]) },
      { ...stroke('a'), step: -1 },
      { ...stroke('a'), id: '<svg onload=x>' },
    ]) {
      const r = await withFile(JSON.stringify({ version: 1, slides: { [ID]: [s] } }));
      expect(r.messages).toHaveLength(1);
    }
    const proto = await withFile(`{"version":1,"slides":{"__proto__":[${JSON.stringify(stroke('a'))}]}}`);
    expect(proto.messages).toEqual([expect.stringMatching(/no slide has the id "__proto__"/)]);
    expect(({} as Record<string, unknown>).version).toBeUndefined();
  });

  it('50 MB: refused unread, with its size', async () => {
    const file = path.join(slides, 'annotations.json');
    await writeFile(file, '');
    await truncate(file, 50 * 1024 * 1024);
    const result = await loadDeck(slides);
    const messages = result.problems.filter((p) => p.pos.file.endsWith('annotations.json')).map(formatProblem);
    expect(messages).toEqual([
      expect.stringMatching(/annotations\.json:1: warning: 50\.0 MB, more than the 8 MB an annotations file may be/),
    ]);
    expect(errorsOf(result.problems)).toEqual([]);
    expect(result.deck.annotations).toBeUndefined();
    await rm(file);
  });

  it('ids no slide has: named at their line, kept in the data, the others shown', async () => {
    const text = JSON.stringify({ version: 1, slides: { [ID]: [stroke('a')], '01-pen.md#已删除': [stroke('b'), stroke('c')] } }, null, 2);
    const { messages, annotations } = await withFile(text);
    const line = text.split('\n').findIndex((l) => l.includes('已删除')) + 1;
    expect(messages).toEqual([
      `${displayPath(path.join(slides, 'annotations.json'))}:${line}: warning: no slide has the id "01-pen.md#已删除" (its heading or file renamed?): its 2 drawings are kept in the file but shown nowhere`,
    ]);
    expect(Object.keys(annotations?.slides ?? {})).toEqual([ID, '01-pen.md#已删除']);
  });

  it('a FIFO: refused at once, never waited on', async () => {
    const file = path.join(slides, 'annotations.json');
    await rm(file, { force: true });
    execFileSync('mkfifo', [file]);
    const { messages, errors } = await withFile(undefined);
    expect(messages).toEqual([
      expect.stringMatching(/annotations\.json:1: warning: cannot be read \(this is a FIFO \(named pipe\), not a file/),
    ]);
    expect(errors).toBe(0);
    await rm(file);
  });

  it('a symlink out of the deck: not read', async () => {
    const outside = path.join(dir, 'elsewhere.json');
    await writeFile(outside, JSON.stringify(good));
    const file = path.join(slides, 'annotations.json');
    await rm(file, { force: true });
    await symlink(outside, file);
    const result = await loadDeck(slides);
    expect(result.deck.annotations).toBeUndefined();
    await rm(file);
  });

  it('finds the line of a JSON error from V8 messages old and new', () => {
    expect(jsonErrorLine('{\n\n x', 'Unexpected token x in JSON at position 4')).toBe(3);
    expect(jsonErrorLine('{}', 'Expected property name (line 7 column 2)')).toBe(7);
    // Node 20 says neither for some errors: the place is found.
    expect(jsonErrorLine('{\n  "a": 1,\n  "b": [,]\n}', "Unexpected token ',', ...")).toBe(3);
    expect(jsonErrorLine('{\n  "a": 1\n', 'Unexpected end of JSON input')).toBe(3);
  });
});

describe("the dev server's writer", () => {
  it('many saves at once: one whole file, the newest, and no temp file left', async () => {
    const folder = path.join(dir, 'writer');
    await mkdir(folder);
    const writer = annotationsWriter(folder);
    const texts = Array.from({ length: 20 }, (_, i) =>
      serializeAnnotations(parseAnnotations({ version: 1, slides: { [ID]: [stroke(`s${i}`)] } }) as Annotations),
    );
    const done = await Promise.all(texts.map((t) => writer.save(t)));
    expect(new Set(done)).toEqual(new Set([path.join(folder, 'annotations.json')]));
    expect(await readFile(path.join(folder, 'annotations.json'), 'utf8')).toBe(texts[19]);
    expect(await readdir(folder)).toEqual(['annotations.json']);
    const parsed = parseAnnotations(JSON.parse(texts[19]));
    expect(isShapeProblem(parsed)).toBe(false);
  });

  it('never writes through a symlink', async () => {
    const folder = path.join(dir, 'linked');
    await mkdir(folder);
    const target = path.join(dir, 'target.json');
    await writeFile(target, 'untouched');
    await symlink(target, path.join(folder, 'annotations.json'));
    await expect(annotationsWriter(folder).save('{}')).rejects.toThrow(/not a plain file/);
    expect(await readFile(target, 'utf8')).toBe('untouched');
    expect((await readdir(folder)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});

describe("the phone remote's pen messages", () => {
  it('takes a checked stroke, erase or clear, and nothing else', () => {
    const add = { type: 'pen', op: { kind: 'add', slide: ID, stroke: stroke('a') } };
    expect(parseClientMessage(JSON.stringify(add))).toMatchObject({ type: 'pen', op: { kind: 'add', slide: ID } });
    expect(parseClientMessage(JSON.stringify({ type: 'pen', op: { kind: 'clear', slide: ID } }))).toEqual({
      type: 'pen',
      op: { kind: 'clear', slide: ID },
    });
    expect(parseClientMessage(JSON.stringify({ type: 'pen', op: { kind: 'erase', slide: ID, ids: ['a'] } }))).toBeDefined();
    for (const bad of [
      { type: 'pen' },
      { type: 'pen', op: { kind: 'add', slide: ID, stroke: { ...stroke('a'), color: 'red' } } },
      { type: 'pen', op: { kind: 'erase', slide: ID, ids: [1] } },
      { type: 'pen', op: { kind: 'burn', slide: ID } },
    ]) {
      expect(parseClientMessage(JSON.stringify(bad)), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
