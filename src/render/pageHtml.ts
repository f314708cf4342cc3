// Puts a deck into the page: the client shell's index.html (built once by
// Vite, deck-independent) gets the slides, the deck data for the client, the
// font faces, the title, language and, in a build, the Content-Security-Policy.
// Dev (the Vite plugin) and build (src/builder) both go through here.
import type { Deck } from '../deck/model.ts';
import { clientData } from './clientData.ts';
import { CODE_MATH_STYLE_ID } from '../shared/devChannel.ts';
import { escapeHtml, renderSlidesHtml } from './slidesHtml.ts';

export const HEAD_MARK = '<!--iur:head-->';
export const SLIDES_MARK = '<!--iur:slides-->';
export const DATA_ID = 'iur-deck-data';

export interface PageOptions {
  /** @font-face rules of the bundled font. */
  fontCss: string;
  /** Font files to fetch at once, beside the scripts (else only once the script asks), with their MIME type. */
  fontPreload?: { href: string; type: string }[];
  /** A Content-Security-Policy to enforce, or none (dev). */
  csp?: string;
  /** The code font's and KaTeX's CSS, for a deck with code or formulas (none: no element at all). */
  extraCss?: string;
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderPage(shell: string, deck: Deck, options: PageOptions): string {
  if (!shell.includes(HEAD_MARK) || !shell.includes(SLIDES_MARK)) {
    throw new Error('internal: the client shell lost its <!--iur:head--> or <!--iur:slides--> mark');
  }
  const head = [
    options.csp ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.csp)}" />` : '',
    `<title>${escapeHtml(deck.meta.title)}</title>`,
    `<style id="iur-font">${options.fontCss}</style>`,
    options.extraCss ? `<style id="${CODE_MATH_STYLE_ID}">${options.extraCss}</style>` : '',
    ...(options.fontPreload ?? []).map(
      (f) => `<link rel="preload" href="${escapeHtml(f.href)}" as="font" type="${escapeHtml(f.type)}" crossorigin />`,
    ),
    `<script type="application/json" id="${DATA_ID}">${scriptJson(clientData(deck))}</script>`,
  ]
    .filter(Boolean)
    .join('\n    ');
  return shell
    .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(deck.meta.lang)}"`)
    .replace(/<title>[^<]*<\/title>\s*/, '')
    .replace(HEAD_MARK, () => head)
    .replace(SLIDES_MARK, () => renderSlidesHtml(deck));
}
