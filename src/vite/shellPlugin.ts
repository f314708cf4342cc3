// Build of the client shell (src/builder/clientShell.ts): the page with its
// marks left in place for the deck, the theme bundled. Nothing here reads
// the slides: the deck is rendered into the shell afterwards.
import type { Plugin } from 'vite';
import { virtualModulesPlugin } from './virtualModules.ts';

export function shellPlugins(themeFile: string): Plugin[] {
  return [virtualModulesPlugin(() => themeFile)];
}
