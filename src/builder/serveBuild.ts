// Builds the deck into a temporary folder and serves it on loopback: what
// check and the tests open in Chromium.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir } from '../process/temporaries.ts';
import { buildDeck, type BuildResult } from './buildDeck.ts';
import { serveDir } from './staticServer.ts';

export interface ServedBuild {
  build: BuildResult;
  /** URL of the deck's index, ending in '/' (the deck sits in a sub-folder). */
  url: string;
  close: () => Promise<void>;
}

export { serveDir };

export async function buildAndServe(slidesDir: string, options: { single?: boolean; keepGoing?: boolean } = {}): Promise<ServedBuild> {
  const root = makeTempDir('build');
  try {
    const build = await buildDeck({
      slidesDir,
      outDir: path.join(root, 'deck'),
      single: options.single,
      keepGoing: options.keepGoing,
      quiet: true,
    });
    const server = await serveDir(root);
    return {
      build,
      url: `${server.url}deck/`,
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
