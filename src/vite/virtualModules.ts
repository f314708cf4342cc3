// The virtual modules the browser client imports, the same in dev and in the
// built shell: the deck data (read from the page's JSON script, so the
// bundle never depends on the slides), the theme (a real file, so Vite's CSS
// pipeline and HMR apply) and the font (its faces are in the page's <style>).
import type { Plugin } from 'vite';
import { DATA_ID } from '../render/pageHtml.ts';

const DECK_ID = 'virtual:iur-deck';
const THEME_ID = 'virtual:iur-theme.css';
const FONT_ID = 'virtual:iur-font.css';
const FONT_CSS = '\0iur-font.css';

const DECK_MODULE = `const el = document.getElementById(${JSON.stringify(DATA_ID)});
export default el ? JSON.parse(el.textContent || 'null') : null;`;

export function virtualModulesPlugin(themeFile: () => string): Plugin {
  return {
    name: 'iur-deck:virtual-modules',
    enforce: 'pre',
    resolveId(id) {
      if (id === DECK_ID) return `\0${DECK_ID}`;
      if (id === THEME_ID) return themeFile();
      if (id === FONT_ID) return FONT_CSS;
      return null;
    },
    load(id) {
      if (id === `\0${DECK_ID}`) return DECK_MODULE;
      if (id === FONT_CSS) return '/* the @font-face rules are in the page: <style id="iur-font"> */';
      return null;
    },
  };
}
