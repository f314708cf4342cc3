// The Vite configurations of iur-deck: the dev server (root is the browser
// client, the deck comes from a slides folder through the dev plugin), and
// the build of the client shell that every built deck is rendered into.
import path from 'node:path';
import { PROJECT_ROOT } from '../project/paths.ts';
import type { InlineConfig, PluginOption } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { deckPlugin } from './deckPlugin.ts';
import { shellPlugins } from './shellPlugin.ts';
import { mermaidTrimPlugin } from './mermaidTrim.ts';
import { rehearsalPlugin } from './rehearsalPlugin.ts';
import { annotationsPlugin } from './annotationsPlugin.ts';
import { editorLinkPlugin } from './editorLinkPlugin.ts';

export { PROJECT_ROOT };
const CLIENT_ROOT = path.join(PROJECT_ROOT, 'src/client');

export interface DeckConfigOptions {
  slidesDir: string;
  port?: number;
  logLevel?: InlineConfig['logLevel'];
  log?: (line: string) => void;
}

/** The dev server's configuration. */
export function deckViteConfig(options: DeckConfigOptions): InlineConfig {
  return {
    configFile: false,
    root: CLIENT_ROOT,
    base: './',
    publicDir: false,
    logLevel: options.logLevel ?? 'info',
    clearScreen: false,
    plugins: [
      ...deckPlugin({ slidesDir: options.slidesDir, themesDir: path.join(PROJECT_ROOT, 'themes'), log: options.log }),
      rehearsalPlugin(options),
      annotationsPlugin(options),
      editorLinkPlugin(options),
    ],
    server: {
      host: 'localhost',
      port: options.port ?? 5173,
      strictPort: false,
      fs: { allow: [PROJECT_ROOT, path.resolve(options.slidesDir)] },
      // Transform the browser code while the server starts, not when the page first asks.
      warmup: { clientFiles: ['./main.ts'] },
    },
  };
}

export interface ShellConfigOptions {
  outDir: string;
  themeFile: string;
  /** One self-contained HTML file (scripts, styles inlined). */
  single: boolean;
  /** Mermaid sources of the deck: the shell keeps only the diagram types they use. */
  diagrams: string[];
}

/** The build of the deck-independent client shell (see src/builder/clientShell.ts). */
export function shellViteConfig(options: ShellConfigOptions): InlineConfig {
  // Only the Mermaid diagram types the deck uses: unused ones would be ~2 MB of dist/.
  const plugins: PluginOption[] = [...shellPlugins(options.themeFile), mermaidTrimPlugin({ diagrams: () => options.diagrams })];
  if (options.single) plugins.push(viteSingleFile({ removeViteModuleLoader: true }));
  return {
    configFile: false,
    root: CLIENT_ROOT,
    base: './',
    publicDir: false,
    logLevel: 'silent',
    clearScreen: false,
    plugins,
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      assetsInlineLimit: options.single ? Number.MAX_SAFE_INTEGER : 4096,
      chunkSizeWarningLimit: 4096,
      reportCompressedSize: false,
      modulePreload: { polyfill: false },
    },
  };
}
