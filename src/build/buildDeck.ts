// Builds the static deck with Vite's API into a temporary folder beside the
// target and swaps it into place only when complete, so a failed build never
// damages a previous good one.
import path from 'node:path';
import { rename, rm, stat } from 'node:fs/promises';
import { build } from 'vite';
import { deckViteConfig } from '../vite/config.ts';
import { DeckError, type Deck, type Problem } from '../deck/model.ts';

export interface BuildOptions {
  slidesDir: string;
  outDir: string;
  single?: boolean;
  quiet?: boolean;
}

export interface BuildResult {
  /** The model the build rendered (parsed once, inside the Vite plugin). */
  deck: Deck;
  problems: Problem[];
  outDir: string;
  /** The page to open: index.html inside outDir. */
  indexHtml: string;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

export async function buildDeck(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  const partial = `${outDir}.partial-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  let loaded: { deck: Deck; problems: Problem[] } | undefined;
  try {
    await build({
      ...deckViteConfig({
        slidesDir: options.slidesDir,
        outDir: partial,
        single: options.single,
        logLevel: options.quiet ? 'silent' : 'warn',
        log: options.quiet ? () => {} : undefined,
        onDeck: (deck, problems) => {
          loaded = { deck, problems };
        },
      }),
    });
    if (await exists(outDir)) await rename(outDir, old);
    await rename(partial, outDir);
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    // The plugin stopped the build over deck problems: report those, not Rolldown's wrapper.
    const errors = loaded?.problems.filter((p) => p.level === 'error') ?? [];
    if (errors.length > 0) throw new DeckError(errors);
    throw error;
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  if (!loaded) throw new Error('internal: the build produced no deck');
  return { ...loaded, outDir, indexHtml: path.join(outDir, 'index.html') };
}
