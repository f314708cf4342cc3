// Nothing runs over in a receiver's fonts. The talk, the starter deck of
// `npm run new` and a fixture of long lists (10, 12 and 15 items of different
// lengths, Chinese with Latin words, at the deck's smallest step) are
// exported as PowerPoint and opened by LibreOffice Impress with each font a
// receiver's PC puts in for Microsoft YaHei (a fontconfig alias): WenQuanYi
// Micro Hei, DejaVu Sans (the widest Latin), Liberation Sans (Arial's
// metrics). Each file is seen twice: as LibreOffice fits it (it computes its
// own shrink), and as PowerPoint and WPS first show it (at the fontScale and
// lnSpcReduction the file carries, tests/helpers/storedFit.ts). With
// pdftotext -bbox-layout: no word outside the slide, no body word in the
// footer's band, no word over another block; a list's "10." clear of its
// text. One soffice run per font converts all six files.
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../../src/deck/loadDeck.ts';
import { exportCommand } from '../../../../src/export/command.ts';
import { NUMBER_WEIGHT, TYPEFACE } from '../../../../src/export/pptx/writePptx.ts';
import { PROJECT_ROOT } from '../../../../src/project/paths.ts';
import { newCommand } from '../../../../src/starter/newDeck.ts';
import { convertToPdf, fontConfig } from '../../../helpers/libreoffice.ts';
import { layoutProblems, pdfBlocks, type BlockPage, type Box } from '../../../helpers/pageLayout.ts';
import type { Word } from '../../../helpers/pdfWords.ts';
import { storedFitCopy } from '../../../helpers/storedFit.ts';
import { normal } from '../../../helpers/talkText.ts';

const FONTS = { wqy: 'WenQuanYi Micro Hei', dejavu: 'DejaVu Sans', liberation: 'Liberation Sans' } as const;
type Font = keyof typeof FONTS;
const DECKS = ['talk', 'starter', 'long'] as const;
type DeckName = (typeof DECKS)[number];
const VARIANTS = { exported: 'as LibreOffice fits it', stored: 'as PowerPoint first shows it' } as const;
type Variant = keyof typeof VARIANTS;

let dir: string;
const folders: Record<DeckName, string> = { talk: 'slides', starter: '', long: 'tests/fixtures/long-lists' };
const vocabulary: Record<DeckName, string> = { talk: '', starter: '', long: '' };
const slideCounts: Record<DeckName, number> = { talk: 0, starter: 0, long: 0 };
const zips = {} as Record<DeckName, JSZip>;
const pdf = (font: Font, deck: DeckName, variant: Variant): string => path.join(dir, font, `${deck}-${variant}.pdf`);

beforeAll(async () => {
  // The starter deck as `npm run new` writes it, inside the project (where new writes, git-ignored).
  mkdirSync(path.join(PROJECT_ROOT, '.scratch'), { recursive: true });
  dir = await mkdtemp(path.join(PROJECT_ROOT, '.scratch', 'iur-fonts-'));
  folders.starter = path.join(dir, 'starter');
  expect(newCommand([folders.starter])).toBe(0);
  const files: string[] = [];
  for (const deck of DECKS) {
    const exported = path.join(dir, `${deck}-exported.pptx`);
    expect(await exportCommand(['--slides', folders[deck], '--out', exported]), deck).toBe(0);
    const stored = path.join(dir, `${deck}-stored.pptx`);
    await storedFitCopy(exported, stored);
    files.push(exported, stored);
    zips[deck] = await JSZip.loadAsync(await readFile(exported));
    const { deck: model } = await loadDeck(folders[deck]);
    slideCounts[deck] = model.slides.length;
    vocabulary[deck] = normal(`${model.meta.short ?? model.meta.title}|${model.parts.map((p) => p.marker).join('')}`);
  }
  for (const font of Object.keys(FONTS) as Font[]) {
    const conf = await fontConfig(dir, font, TYPEFACE, FONTS[font]);
    convertToPdf(files, path.join(dir, font), conf, path.join(dir, `profile-${font}`));
  }
}, 900_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Where each formula's text box is on slide `n`, in the page's points: an equation is one object. */
async function formulaBoxes(deck: DeckName, n: number, page: BlockPage): Promise<Box[]> {
  const presentation = await zips[deck].file('ppt/presentation.xml')!.async('string');
  const slideWidth = Number(/<p:sldSz cx="(\d+)"/.exec(presentation)?.[1]);
  const scale = page.width / slideWidth;
  const xml = await zips[deck].file(`ppt/slides/slide${n}.xml`)!.async('string');
  return [...xml.matchAll(/name="formula \d+".*?<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/gs)].map((m) => {
    const [x, y, w, h] = m.slice(1).map((v) => Number(v) * scale);
    return { x0: x, y0: y, x1: x + w, y1: y + h };
  });
}

/** The footer's words: in the slide's bottom tenth, from the short title, a part marker, the separator or the number. */
const footerOf =
  (deck: DeckName, page: BlockPage) =>
  (w: Word): boolean =>
    w.y0 >= page.height * 0.9 && (/^\d+$/.test(w.text) || vocabulary[deck].includes(normal(w.text)));

describe.each(Object.keys(FONTS) as Font[])('PowerPoint in LibreOffice, Microsoft YaHei stood in for by %s', (font) => {
  describe.each(Object.keys(VARIANTS) as Variant[])('%s', (variant) => {
    it.each(DECKS)('%s: every word inside the slide, no body word in the footer or over another block', async (deck) => {
      const pages = pdfBlocks(pdf(font, deck, variant));
      expect(pages.length).toBe(slideCounts[deck]);
      const problems: string[] = [];
      for (const [i, page] of pages.entries())
        problems.push(...layoutProblems(page, `${deck} slide ${i + 1}`, footerOf(deck, page), await formulaBoxes(deck, i + 1, page)));
      expect(problems).toEqual([]);
    });

    it('a list’s numbers, "10." too, stay clear of their text', () => {
      const pages = pdfBlocks(pdf(font, 'long', variant));
      const touching: string[] = [];
      let numbers = 0;
      pages.forEach((page, i) => {
        const words = page.blocks.flatMap((b) => b.words);
        for (const n of words.filter((w) => /^\d+\.$/.test(w.text))) {
          numbers++;
          const next = words.filter((w) => w !== n && w.x0 >= n.x0 && Math.abs(w.y1 - n.y1) < 3).sort((a, b) => a.x0 - b.x0)[0];
          if (next && next.x0 - n.x1 < 3)
            touching.push(`slide ${i + 1}: "${n.text}" ${(next.x0 - n.x1).toFixed(1)} pt from "${next.text}"`);
        }
      });
      expect(numbers, 'the numbers of the 10- and 15-item lists').toBe(25);
      expect(touching).toEqual([]);
    });
  });
});

describe('the fit the file carries', () => {
  // A formula's mc:Fallback (its picture, with an empty text body, as PowerPoint stores it) is no text box.
  const bodies = async (deck: DeckName, n: number): Promise<string[]> =>
    (
      (await zips[deck].file(`ppt/slides/slide${n}.xml`)!.async('string'))
        .replace(/<mc:Fallback>.*?<\/mc:Fallback>/gs, '')
        .match(/<p:sp>.*?<\/p:sp>/gs) ?? []
    ).filter((sp) => sp.includes('<p:txBody>') && !/<p:ph type="(?:ftr|sldNum)"/.test(sp));

  it('every body and title box shrinks on overflow; the list that needs it carries a font scale for the widest font', async () => {
    for (const deck of DECKS)
      for (let n = 1; n <= slideCounts[deck]; n++)
        for (const sp of await bodies(deck, n)) expect(sp, `${deck} slide ${n}`).toMatch(/<a:bodyPr\b[^>]*>\s*<a:normAutofit\b/);
    // The twelve items, three of them near a full line in the deck's font: DejaVu Sans wraps them.
    const twelve = (await bodies('long', 2)).find((sp) => sp.includes('打通基础研究'));
    const scale = Number(/<a:normAutofit fontScale="(\d+)"/.exec(twelve ?? '')?.[1]);
    expect(scale).toBeGreaterThanOrEqual(80000);
    expect(scale).toBeLessThan(100000);
  });

  it('numbers are as bold as the deck’s: each numbered item starts with a zero-width run in the number’s weight', async () => {
    const xml = await zips.long.file('ppt/slides/slide1.xml')!.async('string');
    const numbered = (xml.match(/<a:p>.*?<\/a:p>/gs) ?? []).filter((p) => p.includes('<a:buAutoNum'));
    expect(numbered.length).toBe(10);
    for (const p of numbered)
      expect(p).toMatch(new RegExp(`<a:r><a:rPr [^>]*b="1"[^>]*>.*?</a:rPr><a:t>${NUMBER_WEIGHT}</a:t></a:r>`, 's'));
  });

  it("the starter deck's stepped list plays its steps", async () => {
    let stepped = 0;
    for (let n = 1; n <= slideCounts.starter; n++) {
      const xml = await zips.starter.file(`ppt/slides/slide${n}.xml`)!.async('string');
      if (!xml.includes('第一点')) continue;
      stepped++;
      expect(xml.match(/nodeType="clickEffect"/g)?.length).toBe(3);
      expect(xml).toContain('build="p"');
    }
    expect(stepped).toBe(1);
  });
});
