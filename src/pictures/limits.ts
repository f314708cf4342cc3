// How large a picture a deck takes. A slide is 1280×720 and a picture is
// shown at most twice its pixel size, so nothing on a slide needs more than
// 2560×1440 px; a file far beyond that only slows every build, page load and
// export (a 20000×20000 PNG went into the PDF at 3,714 ppi). Over either
// limit a picture is an error at its line, with what to do.
import { statSync } from 'node:fs';

/** The picture files a deck takes, by ending, with their MIME types. */
export const PICTURE_MIME: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

export const MAX_PICTURE_BYTES = 50 * 1024 * 1024;
export const MAX_PICTURE_PIXELS = 100_000_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Why the picture file is too large to read, or undefined: checked before it is read. */
export function tooManyBytes(src: string, file: string): string | undefined {
  const bytes = statSync(file).size;
  return bytes > MAX_PICTURE_BYTES
    ? `picture ${src} is ${mb(bytes)}; a picture may be at most ${mb(MAX_PICTURE_BYTES)} (save it smaller: a slide shows at most 2560×1440 px of it)`
    : undefined;
}

/** Why a bitmap of this pixel size is too large to take, or undefined. */
export function tooManyPixels(src: string, size: { width: number; height: number } | undefined): string | undefined {
  if (size && size.width * size.height > MAX_PICTURE_PIXELS) {
    const mp = Math.round((size.width * size.height) / 1_000_000);
    return `picture ${src} is ${size.width}×${size.height} px (${mp} megapixels); a picture may have at most ${MAX_PICTURE_PIXELS / 1_000_000} megapixels (scale it down: a slide shows at most 2560×1440 px of it)`;
  }
  return undefined;
}

/** Whether the file is an SVG picture (cleaned, and not limited by pixels: it is drawn at any size). */
export function isSvgFile(file: string): boolean {
  return /\.svg$/i.test(file);
}
