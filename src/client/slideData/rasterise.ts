// The PNG fallback of every SVG picture (icons, diagrams), drawn in the page
// in one call for the whole deck: each standalone SVG (svgText.ts) is drawn
// onto a canvas at the pictures' scale and encoded there, instead of one
// screenshot each. An SVG drawn as an image cannot reach the page's fonts, so
// the deck's own font goes into the copies that have text, as data URLs.
import type { RasterJob } from '../../shared/slideData.ts';
import { fontFaceCss } from '../fontFaces.ts';

function blobUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string); // readAsDataURL: always a string
    reader.onerror = () => reject(new Error('could not read a picture back'));
    reader.readAsDataURL(blob);
  });
}

async function dataUrl(url: string): Promise<string> {
  return blobUrl(await (await fetch(url)).blob());
}

/** The deck font's @font-face rules with their files inlined, renamed so that they win over the SVG's own font names. */
async function inlineFontCss(): Promise<string> {
  let css = fontFaceCss();
  for (const m of Array.from(css.matchAll(/url\("([^"]+)"\)/g))) {
    if (m[1].startsWith('data:')) continue;
    css = css.split(m[0]).join(`url("${await dataUrl(m[1])}")`);
  }
  return css.replace(/font-family:\s*("[^"]*"|[^;]+);/g, 'font-family: "iur-raster";');
}

function withFont(svg: string, fontCss: string): string {
  if (!/<text\b/.test(svg) || fontCss === '') return svg;
  const style = `<style>${fontCss} text { font-family: "iur-raster" !important; }</style>`;
  return svg.replace(/(<svg\b[^>]*>)/, `$1${style}`);
}

async function draw(svg: string, w: number, h: number, scale: number): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(w * scale));
  canvas.height = Math.max(1, Math.round(h * scale));
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
  // toBlob encodes off the page's main thread, so the pictures are encoded side by side.
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!png) throw new Error('a picture could not be encoded as PNG');
  return (await blobUrl(png)).replace(/^data:image\/png;base64,/, '');
}

/** Each job's PNG as base64, in order. */
export async function rasterise(jobs: RasterJob[], scale: number): Promise<string[]> {
  const fontCss = jobs.some((j) => /<text\b/.test(j.svg)) ? await inlineFontCss() : '';
  return Promise.all(jobs.map((j) => draw(withFont(j.svg, fontCss), j.w, j.h, scale)));
}
