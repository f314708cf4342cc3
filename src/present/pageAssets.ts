// The remote's own browser code, bundled by esbuild when the server starts
// (a tenth of a second; the deck's Vite build stays as it is): the phone page
// (src/client/remote/phone.*) and the small script the server adds to the
// deck page so the venue screen follows the talk (venue.ts). Served from
// memory, behind the same door as the deck.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project/paths.ts';

export interface Asset {
  type: string;
  body: Buffer;
}

const REMOTE_DIR = path.join(PROJECT_ROOT, 'src/client/remote');

export const ASSET_PATHS = {
  phone: '/phone',
  phoneJs: '/__iur/remote/phone.js',
  phoneCss: '/__iur/remote/phone.css',
  venueJs: '/__iur/remote/venue.js',
} as const;

export async function buildPageAssets(): Promise<Map<string, Asset>> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { phone: path.join(REMOTE_DIR, 'phone.ts'), venue: path.join(REMOTE_DIR, 'venue.ts') },
    outdir: '/iur-remote',
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const out = new Map<string, Asset>();
  const js = 'text/javascript; charset=utf-8';
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    const body = Buffer.from(file.contents);
    if (name === 'phone.js') out.set(ASSET_PATHS.phoneJs, { type: js, body });
    else if (name === 'phone.css') out.set(ASSET_PATHS.phoneCss, { type: 'text/css; charset=utf-8', body });
    else if (name === 'venue.js') out.set(ASSET_PATHS.venueJs, { type: js, body });
  }
  const html = await readFile(path.join(REMOTE_DIR, 'phone.html'));
  out.set(ASSET_PATHS.phone, { type: 'text/html; charset=utf-8', body: html });
  return out;
}

/** The deck page with the venue script added (it only follows the talk; the deck runs as before). */
export function withVenueScript(html: string): string {
  const tag = `<script type="module" src="${ASSET_PATHS.venueJs}"></script>`;
  return html.includes('</head>') ? html.replace('</head>', `${tag}</head>`) : `${tag}${html}`;
}
