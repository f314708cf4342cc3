// Bitmaps in an export at no more than twice the pixels they fill on the
// slide: once the print view is laid out, each <img> on a slide whose bitmap
// is larger than that (a 6000×6000 photo in a 560 px box) is read, made
// smaller by src/pictures/downsample.ts (sharp) and put back in the page as
// that smaller copy, its box fixed so nothing moves. Chromium then prints,
// screenshots or reads the small copy: a PDF no longer carries a photo at
// thousands of ppi. The source file is never touched; an SVG (drawn at any
// size) is left as it is. sharp is loaded only when there is something to
// make smaller.
import type { Page } from 'puppeteer';

/** A bitmap on a slide, larger than twice its box. */
interface Oversized {
  index: number;
  src: string;
  /** Its box on the slide, in CSS px (1280×720 slide). */
  width: number;
  height: number;
  naturalWidth: number;
  naturalHeight: number;
}

/** How many times its box a bitmap may have in pixels. */
export const MAX_SCALE = 2;

/** The <img>s on the slides whose bitmap has more than MAX_SCALE × their box, marked for the swap. */
function oversized(page: Page): Promise<Oversized[]> {
  return page.evaluate((scale: number) => {
    const out: Oversized[] = [];
    document.querySelectorAll<HTMLImageElement>('.reveal .slides img').forEach((img, index) => {
      const src = img.currentSrc || img.src;
      const naturalWidth = img.naturalWidth || Number(img.dataset.naturalWidth) || 0;
      const naturalHeight = img.naturalHeight || Number(img.dataset.naturalHeight) || 0;
      const { offsetWidth: width, offsetHeight: height } = img;
      if (!src || /^data:image\/svg|\.svg([?#]|$)/i.test(src) || width < 1 || height < 1) return;
      if (naturalWidth <= scale * width && naturalHeight <= scale * height) return;
      img.dataset.iurFit = String(index);
      out.push({ index, src, width, height, naturalWidth, naturalHeight });
    });
    return out;
  }, MAX_SCALE);
}

async function bytesOf(src: string): Promise<Uint8Array> {
  const answer = await fetch(src);
  if (!answer.ok) throw new Error(`${src}: ${answer.status}`);
  return new Uint8Array(await answer.arrayBuffer());
}

/** Replaces each oversized bitmap on the slides by a copy at most MAX_SCALE × its box; resolves to how many. */
export async function fitBitmaps(page: Page): Promise<{ fitted: number; lines: string[] }> {
  const found = await oversized(page);
  if (found.length === 0) return { fitted: 0, lines: [] };
  const { downsample } = await import('../../pictures/downsample.ts');
  const made = new Map<string, Promise<{ url: string; width: number; height: number }>>();
  const lines: string[] = [];
  for (const img of found) {
    const width = Math.ceil(img.width * MAX_SCALE);
    const height = Math.ceil(img.height * MAX_SCALE);
    const key = `${img.src} ${width}×${height}`;
    let copy = made.get(key);
    if (!copy) {
      copy = bytesOf(img.src)
        .then((data) => downsample(data, width, height))
        .then((d) => ({ url: `data:${d.mime};base64,${d.data.toString('base64')}`, width: d.width, height: d.height }));
      made.set(key, copy);
    }
    const { url, width: w, height: h } = await copy;
    lines.push(
      `${decodeURI(new URL(img.src).pathname)}: ${img.naturalWidth}×${img.naturalHeight} → ${w}×${h} px for a ${img.width}×${img.height} px box`,
    );
    await page.evaluate(
      async (index: string, dataUrl: string) => {
        const el = document.querySelector<HTMLImageElement>(`img[data-iur-fit="${index}"]`);
        if (!el) return;
        // The box stays as laid out, whatever the new bitmap's own size.
        el.style.width = `${el.offsetWidth}px`;
        el.style.height = `${el.offsetHeight}px`;
        el.srcset = '';
        el.src = dataUrl;
        await el.decode();
        delete el.dataset.iurFit;
      },
      String(img.index),
      url,
    );
  }
  return { fitted: found.length, lines };
}
