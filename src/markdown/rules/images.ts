// Core rule: every local image a slide refers to, in Markdown (![](…)), in
// raw HTML (<img src>) or in a Mermaid diagram (img: "…", <img src>), is
// resolved against the slide file's folder and must lie inside the deck's
// roots (src/deck/contain.ts); a missing one is reported with its line, a
// remote one is refused (the deck must work offline), and the src becomes the
// URL the page can load. A path is relative to the Markdown file; one that
// starts with `/` is looked up from the project (`/assets/…`), then from the
// slides folder and its `public/` (Slidev's place), in that order. A Markdown
// picture also carries its size in pixels (data-natural-width/-height), which
// the composition pass sizes it by without waiting for it to load. A picture
// over the limits (src/pictures/limits.ts) is an error at its line; an SVG is
// cleaned (src/pictures/svgClean.ts) and what was removed is a warning there.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { MarkdownIt, Token } from 'markdown-it';
import type { ParseEnv } from '../env.ts';
import { envOf, report } from '../env.ts';
import { displayPath } from '../../project/readSources.ts';
import { contain, deckRoots, loopMessage, outsideMessage } from '../../project/contain.ts';
import { isMermaid } from './mermaid.ts';
import { PROJECT_ROOT } from '../../project/paths.ts';
import { specialKindAt } from '../../project/regularFile.ts';
import { isSvgFile, tooManyBytes, tooManyPixels } from '../../pictures/limits.ts';
import { cleanSvgFile } from '../../pictures/svgClean.ts';

const REMOTE = /^(https?:)?\/\//i;
const INLINE = /^(data|blob):/i;
/** src="…" of an <img> in raw HTML (or in a Mermaid label). */
const HTML_IMG_SRC = /(<img\b[^>]*?\bsrc\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)/gi;
/** img: "…" of a Mermaid image shape (A@{ img: "pic.png" }). */
const MERMAID_IMG = /(\bimg\s*:\s*)("[^"]*"|'[^']*')/g;

/** Where a path that starts with `/` is found: under the project, the slides folder or its public/; else as written. */
function rooted(slidesDir: string, decoded: string): string {
  const rel = decoded.replace(/^\/+/, '');
  const candidates = [PROJECT_ROOT, slidesDir, path.join(slidesDir, 'public')].map((dir) => path.join(dir, rel));
  return candidates.find((file) => existsSync(file)) ?? decoded;
}

/**
 * The file a picture's address names, looked up as the slides' pictures are:
 * relative to the Markdown file's folder `dir`; from `/`, in the project, then
 * the slides folder and its public/ (the editor's hover says where it was found).
 */
export function pictureFile(src: string, dir: string, slidesDir = dir): string {
  const decoded = decodedPath(src);
  return decoded.startsWith('/') ? rooted(slidesDir, decoded) : path.resolve(dir, decoded);
}

/** The size in px of a picture file, when image-size can read it. */
export function naturalSize(file: string): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(readFileSync(file));
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/** The file part of a picture's address, %-escapes decoded where they are valid. */
function decodedPath(src: string): string {
  const part = src.split(/[?#]/)[0];
  try {
    return decodeURI(part);
  } catch {
    return part;
  }
}

/**
 * The URL the page uses for a local image, after checking it; undefined when
 * it is reported (remote, outside the roots) or must stay as written.
 * @param missing what to do when the file does not exist or is remote: report it, or leave the src for the page's CSP and the doctor
 */
function localImage(
  env: ParseEnv,
  src: string,
  line0: number,
  missing: 'report' | 'leave',
): { url?: string; missing?: boolean; file?: string; size?: { width: number; height: number } } {
  // The author's own HTML may name a remote image: the page's CSP blocks it, and the doctor says so.
  if (REMOTE.test(src) && missing === 'leave') return {};
  if (REMOTE.test(src)) {
    report(env, line0, `remote image ${src}: the deck must work offline; save it under assets/ and link the file`);
    return {};
  }
  if (!src || INLINE.test(src) || src.startsWith('#') || !env.dir) return {};
  const file = pictureFile(src, env.dir, env.roots?.[0]);
  const where = contain(file, env.roots ?? deckRoots(env.dir));
  if (!where.ok && where.missing && where.loop) {
    report(env, line0, loopMessage('image', src));
    return {};
  }
  if (!where.ok && where.missing) {
    if (missing === 'report') report(env, line0, `image not found: ${src} (looked for ${displayPath(file)})`);
    return { missing: missing === 'report' };
  }
  if (!where.ok) {
    report(env, line0, outsideMessage('image', src, file, where.real));
    return {};
  }
  const kind = specialKindAt(where.real);
  if (kind) {
    report(env, line0, `image ${src} is ${kind}, not a file: only regular files are read`);
    return {};
  }
  const size = pictureChecks(env, src, where.real, line0);
  // Refused and reported here: like a missing file, the doctor need not say it did not load.
  if (size === false) return { missing: missing === 'report' };
  return { url: env.assetUrl ? env.assetUrl(where.real) : undefined, file: where.real, size };
}

/**
 * A picture's limits (src/pictures/limits.ts) and, for an SVG, its cleaning
 * (src/pictures/svgClean.ts: what was removed is a warning here, at its line).
 * False when the picture is refused (reported); else a bitmap's pixel size, if read.
 */
function pictureChecks(env: ParseEnv, src: string, file: string, line0: number): { width: number; height: number } | undefined | false {
  const refused = (message: string) => {
    report(env, line0, message);
    return false as const;
  };
  const bytes = tooManyBytes(src, file);
  if (bytes) return refused(bytes);
  if (isSvgFile(file)) {
    const cleaned = cleanSvgFile(file);
    if ('error' in cleaned) return refused(`picture ${src}: ${cleaned.error}`);
    if (cleaned.removed.length > 0)
      report(
        env,
        line0,
        `picture ${src}: removed ${cleaned.removed.join('; ')} — the deck and its exports carry the cleaned copy (the file itself is left as it is)`,
        'warning',
      );
    return naturalSize(file);
  }
  const size = naturalSize(file);
  const pixels = tooManyPixels(src, size);
  return pixels ? refused(pixels) : size;
}

const unquoted = (v: string): string => v.replace(/^(["'])(.*)\1$/, '$2');

/** Rewrites each src the pattern finds in `text` (checked as localImage does, at its own line). */
function rewriteSources(env: ParseEnv, text: string, pattern: RegExp, line0: number, missing: 'report' | 'leave'): string {
  return text.replace(pattern, (whole: string, before: string, value: string, offset: number) => {
    const src = unquoted(value);
    const line = line0 + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
    const { url } = localImage(env, src, line, missing);
    return url ? `${before}"${url}"` : whole;
  });
}

export function imagesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('iur_images', (state) => {
    const env = envOf(state);
    if (!env?.problems) return;
    const visit = (tokens: Token[], line: number) => {
      for (const token of tokens) {
        const here = token.map?.[0] ?? line;
        if (token.type === 'image') {
          const { url, missing, size } = localImage(env, String(token.attrGet('src') ?? ''), here, 'report');
          if (url) token.attrSet('src', url);
          // Reported here: the doctor need not say again that it did not load.
          if (missing) token.attrSet('data-missing', '');
          if (size) {
            token.attrSet('data-natural-width', String(size.width));
            token.attrSet('data-natural-height', String(size.height));
          }
        } else if (token.type === 'html_block' || token.type === 'html_inline') {
          // The author's own HTML: a missing file is left for the doctor ("image did not load").
          token.content = rewriteSources(env, token.content, HTML_IMG_SRC, here, 'leave');
        } else if (token.type === 'fence' && isMermaid(token.info)) {
          const inner = here + 1;
          token.content = rewriteSources(
            env,
            rewriteSources(env, token.content, MERMAID_IMG, inner, 'report'),
            HTML_IMG_SRC,
            inner,
            'report',
          );
        }
        if (token.children) visit(token.children, here);
      }
    };
    visit(state.tokens, 0);
  });
}
