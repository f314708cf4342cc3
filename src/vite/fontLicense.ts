// The bundled font is under the SIL Open Font License, which asks that the
// licence travel with the font: copy it next to the built deck.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { fontLicensePath } from '../font/source.ts';

export function fontLicensePlugin(): Plugin {
  return {
    name: 'iur-deck:font-license',
    apply: 'build',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'FONT-LICENSE.txt', source: await readFile(fontLicensePath()) });
    },
  };
}
