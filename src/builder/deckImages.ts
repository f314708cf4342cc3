// Local images of a built deck: each one the slides link is copied into
// assets/ under a content-independent unique name, or inlined as a data: URL
// in a single-file deck. The markdown-it image rule asks for the URL.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

export class DeckImages {
  private readonly files = new Map<string, string>();
  constructor(private readonly inline: boolean) {}

  /** The URL the page uses for the image at this absolute path. */
  readonly url = (file: string): string => {
    if (this.inline) {
      const mime = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return `data:${mime};base64,${readFileSync(file).toString('base64')}`;
    }
    const name = `${createHash('sha256').update(file).digest('hex').slice(0, 8)}-${path.basename(file).replace(/[^\w.-]/g, '_')}`;
    this.files.set(file, name);
    return `./assets/${name}`;
  };

  async copyTo(assetsDir: string): Promise<void> {
    await Promise.all([...this.files].map(([file, name]) => copyFile(file, path.join(assetsDir, name))));
  }
}
