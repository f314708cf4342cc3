// PowerPoint from the print view, opened like the PDF's (fonts, diagrams and
// fitting done): reads every slide as data in the page
// (src/client/slideData/, window.__iurDeck.readSlides), draws the PNG of each
// SVG picture (its fallback) in the page in one call for the deck, cuts a
// bitmap's from one screenshot per slide (pictureShots.ts), while pptxgenjs builds the package
// (writePptx.ts), and puts the pictures in after the browser is closed.
import type { FormatModule } from '../contract.ts';
import { slideKey } from '../print/pages.ts';
import type { Progress } from '../progress.ts';
import { useScale } from '../print/screenshot.ts';
import { pictureShots } from './pictureShots.ts';
import { buildPptx, finishPptx, formulaItems, TYPEFACE } from './writePptx.ts';
import { formatProblem } from '../../shared/problem.ts';
import type { PictureItem, SlideData } from '../../shared/slideData.ts';
import type { Page } from 'puppeteer';

/** Pictures are rendered at 1.5 × the slide's pixels: sharp on a 1920×1080 projector (PowerPoint 2019+ draws the SVG instead). */
const PICTURE_SCALE = 1.5;

/** Font families named in the SVG pictures' text: the receiver's Chinese sans first. */
const SVG_FONTS = `'${TYPEFACE}', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans SC', 'Noto Sans CJK SC', sans-serif`;

/**
 * The PNG of every picture, in order: SVG pictures drawn in the page in one
 * call for the deck (window.__iurDeck.rasterise), bitmaps cut from one
 * screenshot per slide.
 */
async function picturePngs(page: Page, slides: SlideData[], race: <T>(p: Promise<T>) => Promise<T>): Promise<Uint8Array[]> {
  const pictures = slides.map((s) => s.items.filter((i): i is PictureItem => i.kind === 'picture'));
  const jobs = pictures.flat().flatMap((p) => (p.svg ? [{ svg: p.svg, w: p.box.w, h: p.box.h }] : []));
  const drawn =
    jobs.length === 0
      ? []
      : await race(
          page.evaluate(
            (j, scale) => {
              const draw = window.__iurDeck?.rasterise;
              if (!draw) throw new Error('the page has no picture rasteriser (window.__iurDeck.rasterise)');
              return draw(j, scale);
            },
            jobs,
            PICTURE_SCALE,
          ),
        );
  const bitmaps = pictures.map((list) => list.filter((p) => !p.svg).map((p) => p.clip));
  // A formula's text box as the page drew it: the picture PowerPoint shows where it has no Office math.
  const formulas = slides.map((s) => formulaItems([s]).map((item) => item.formula?.clip ?? item.box));
  if (bitmaps.some((c) => c.length > 0) || formulas.some((c) => c.length > 0)) await useScale(page, PICTURE_SCALE);
  const shots = await pictureShots(page, bitmaps, PICTURE_SCALE, race);
  const formulaShots = await pictureShots(page, formulas, PICTURE_SCALE, race);
  let d = 0;
  let b = 0;
  return [...pictures.flat().map((p) => (p.svg ? Buffer.from(drawn[d++], 'base64') : shots[b++])), ...formulaShots];
}

/** The print view without fragment steps, and without the pen's drawings: PowerPoint gets them as shapes (penShapes.ts). */
export const view: FormatModule['view'] = () => ({ fragments: false });

export const capture: FormatModule['capture'] = async (target, options, progress) => {
  const { deck, opened } = target;
  const indices = options.selected ?? deck.slides.map((_, i) => i);
  const keep = options.selected ? indices.map((i) => slideKey(deck, i)) : null;
  progress.update(`reading ${indices.length} slides …`);
  const { page, crashed } = opened;
  const slides = await progress.time('read slides', () =>
    Promise.race([
      page.evaluate(
        (o) => {
          const read = window.__iurDeck?.readSlides;
          if (!read) throw new Error('the page has no PowerPoint reader (window.__iurDeck.readSlides)');
          return read(o);
        },
        { keep, svgFonts: SVG_FONTS },
      ),
      crashed,
    ]),
  );
  const byKey = new Map(indices.map((i) => [slideKey(deck, i), i]));
  const order = slides.map((s) => {
    const index = byKey.get(s.key);
    if (index === undefined) throw new Error(`internal: the page has a slide the deck model does not have (${s.key})`);
    return index;
  });
  if (order.length !== indices.length) throw new Error(`internal: read ${order.length} slides of ${indices.length}`);
  // pptxgenjs writes the package in Node while Chromium takes the pictures.
  if (options.rehearsedTimings) {
    const untimed = order
      .filter((i) => deck.slides[i].timing === undefined)
      .map((i) => `${deck.slides[i].pos.file}:${deck.slides[i].pos.line}`);
    if (untimed.length > 0)
      progress.line(
        `export: --rehearsed-timings: ${untimed.length === 1 ? '1 slide has' : `${untimed.length} slides have`} no rehearsed time and ${untimed.length === 1 ? 'waits' : 'wait'} for a click: ${untimed.slice(0, 5).join(', ')}${untimed.length > 5 ? ' …' : ''}`,
        process.stderr,
      );
  }
  const building = buildPptx({
    deck,
    indices: order,
    slides,
    annotations: options.annotations,
    rehearsedTimings: options.rehearsedTimings,
  });
  building.catch(() => {});
  const race = <T>(p: Promise<T>): Promise<T> => Promise.race([p, crashed]);
  const pictures = await progress.time('pictures', () => picturePngs(page, slides, race));
  return {
    async finish(p: Progress) {
      const built = await building;
      for (const problem of built.problems) p.line(formatProblem(problem), process.stderr);
      const data = await p.time('write pptx', () => finishPptx(built, pictures));
      return { kind: 'file', data, pages: slides.length };
    },
  };
};
