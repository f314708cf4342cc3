// The one Vite configuration of iur-deck, used by the CLI (dev, build, export,
// check), by vite.config.ts and by the tests: root is the browser client, the
// deck comes from a slides folder through the iur-deck plugin.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig, PluginOption } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { deckPlugin } from './deckPlugin.ts';
import type { Deck, Problem } from '../deck/model.ts';
import { fontLicensePlugin } from './fontLicense.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface DeckConfigOptions {
  slidesDir: string;
  outDir?: string;
  /** One self-contained HTML file (scripts, styles, font inlined). */
  single?: boolean;
  port?: number;
  logLevel?: InlineConfig['logLevel'];
  log?: (line: string) => void;
  onDeck?: (deck: Deck, problems: Problem[]) => void;
}

export function deckViteConfig(options: DeckConfigOptions): InlineConfig {
  const plugins: PluginOption[] = [
    deckPlugin({ slidesDir: options.slidesDir, themesDir: path.join(PROJECT_ROOT, 'themes'), log: options.log, onDeck: options.onDeck }),
    fontLicensePlugin(),
  ];
  if (options.single) plugins.push(viteSingleFile({ removeViteModuleLoader: true }));
  return {
    configFile: false,
    root: path.join(PROJECT_ROOT, 'src/client'),
    base: './',
    publicDir: false,
    logLevel: options.logLevel ?? 'info',
    clearScreen: false,
    plugins,
    server: {
      host: 'localhost',
      port: options.port ?? 5173,
      strictPort: false,
      fs: { allow: [PROJECT_ROOT, path.resolve(options.slidesDir)] },
    },
    build: {
      outDir: path.resolve(options.outDir ?? 'dist'),
      emptyOutDir: true,
      assetsInlineLimit: options.single ? Number.MAX_SAFE_INTEGER : 4096,
      chunkSizeWarningLimit: 4096,
      reportCompressedSize: false,
      modulePreload: { polyfill: false },
    },
  };
}
