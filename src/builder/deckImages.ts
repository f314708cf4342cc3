// Local images of a built deck: each one the slides link is copied into
// assets/ under a content-independent unique name, or inlined as a data: URL
// in a single-file deck. The markdown-it image rule asks for the URL. An SVG
// goes in as its cleaned copy (src/pictures/svgClean.ts), never as the file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isSvgFile, PICTURE_MIME as MIME } from '../pictures/limits.ts';
import { cleanSvgFile } from '../pictures/svgClean.ts';

/** An SVG's cleaned copy (the image rule refused any that cannot be cleaned); undefined for a bitmap. */
function cleanedSvg(file: string): Buffer | undefined {
  if (!isSvgFile(file)) return undefined;
  const cleaned = cleanSvgFile(file);
  if ('error' in cleaned) throw new Error(`${file}: ${cleaned.error}`);
  return Buffer.from(cleaned.svg);
}

export class DeckImages {
  private readonly files = new Map<string, string>();
  constructor(private readonly inline: boolean) {}

  /** The URL the page uses for the image at this absolute path. */
  readonly url = (file: string): string => {
    if (this.inline) {
      const mime = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return `data:${mime};base64,${(cleanedSvg(file) ?? readFileSync(file)).toString('base64')}`;
    }
    const name = `${createHash('sha256').update(file).digest('hex').slice(0, 8)}-${path.basename(file).replace(/[^\w.-]/g, '_')}`;
    this.files.set(file, name);
    return `./assets/${name}`;
  };

  async copyTo(assetsDir: string): Promise<void> {
    await Promise.all(
      [...this.files].map(([file, name]) => {
        const svg = cleanedSvg(file);
        return svg ? writeFile(path.join(assetsDir, name), svg) : copyFile(file, path.join(assetsDir, name));
      }),
    );
  }
}
