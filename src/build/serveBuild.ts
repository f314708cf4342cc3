// Builds the deck into a temporary folder and serves it on loopback with
// Vite's preview server: what export, check and the tests open in Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { buildDeck, type BuildResult } from './buildDeck.ts';

export interface ServedBuild {
  build: BuildResult;
  /** URL of the deck's index, ending in '/' (the deck sits in a sub-folder). */
  url: string;
  close: () => Promise<void>;
}

/** Serves a folder on 127.0.0.1 at a free port. */
export async function serveDir(dir: string): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('the preview server has no URL');
  }
  return { server, url };
}

export async function buildAndServe(slidesDir: string, options: { single?: boolean } = {}): Promise<ServedBuild> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'iur-deck-'));
  try {
    const build = await buildDeck({ slidesDir, outDir: path.join(root, 'deck'), single: options.single, quiet: true });
    const { server, url } = await serveDir(root);
    return {
      build,
      url: `${url}deck/`,
      close: async () => {
        await server.close();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
