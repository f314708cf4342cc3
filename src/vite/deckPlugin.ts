// The Vite plugin: turns the slides folder into the page. It loads the Deck
// model, injects the slides into index.html, serves the deck data, theme and
// font as virtual modules, and in dev pushes a fresh deck to the open page on
// every save (no reload) or shows the problem in Vite's error overlay.
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Plugin, ViteDevServer } from 'vite';
import { loadDeck, errorsOf } from '../deck/loadDeck.ts';
import type { Deck, Problem } from '../deck/model.ts';
import { formatProblem } from '../deck/model.ts';
import { renderSlidesHtml, escapeHtml } from '../render/slidesHtml.ts';
import { clientData } from '../render/clientData.ts';
import { fontCss, fontCssId } from './fontAssets.ts';
import { contentSecurityPolicy } from './csp.ts';
import { validateDiagrams, warmUpDiagramCheck } from '../diagrams/validateDiagrams.ts';
import type { DoctorReport } from '../client/doctor/attach.ts';

export interface DeckPluginOptions {
  slidesDir: string;
  themesDir: string;
  /** Print problems (warnings too) to the terminal. */
  log?: (line: string) => void;
  /** Called with each freshly loaded deck and its problems (the build's caller keeps the model). */
  onDeck?: (deck: Deck, problems: Problem[]) => void;
}

const DECK_ID = 'virtual:iur-deck';
const THEME_ID = 'virtual:iur-theme.css';
const FONT_ID = 'virtual:iur-font.css';
const SLIDES_MARK = '<!--iur:slides-->';

export interface DeckUpdate {
  html: string;
  data: ReturnType<typeof clientData>;
}

export function deckPlugin(options: DeckPluginOptions): Plugin {
  const slidesDir = path.resolve(options.slidesDir);
  let deck: Deck | undefined;
  let problems: Problem[] = [];
  let isBuild = false;
  let clientRoot = '';
  const log = options.log ?? ((line: string) => console.error(line));

  async function reload(): Promise<Problem[]> {
    // Dev serves files by absolute path; the build resolves them from index.html and bundles them.
    const assetUrl = isBuild
      ? (file: string) => path.relative(clientRoot, file).split(path.sep).join('/')
      : (file: string) => `/@fs${file.split(path.sep).join('/')}`;
    const result = await loadDeck(slidesDir, { assetUrl });
    problems = result.problems;
    if (errorsOf(problems).length === 0) {
      // Diagrams that do not parse are errors with their line, before any browser sees them.
      problems = [...problems, ...(await validateDiagrams(result.deck.slides.flatMap((s) => s.diagrams)))];
    }
    for (const p of problems) log(formatProblem(p));
    const errors = errorsOf(problems);
    if (errors.length === 0 || !deck) deck = result.deck;
    options.onDeck?.(result.deck, problems);
    return errors;
  }

  function themePath(): string {
    const theme = deck?.meta.theme ?? 'institute';
    return path.resolve(options.themesDir, `${theme}.css`);
  }

  function overlay(server: ViteDevServer, errors: Problem[]): void {
    const first = errors[0];
    server.ws.send({
      type: 'error',
      err: {
        message: errors.map(formatProblem).join('\n'),
        stack: '',
        id: path.resolve(first.pos.file),
        plugin: 'iur-deck',
        loc: { file: path.resolve(first.pos.file), line: first.pos.line, column: 1 },
      },
    });
  }

  return {
    name: 'iur-deck',
    enforce: 'pre',

    config() {
      warmUpDiagramCheck();
    },

    configResolved(config) {
      isBuild = config.command === 'build';
      clientRoot = config.root;
    },

    async buildStart() {
      const errors = await reload();
      if (isBuild && errors.length > 0) this.error(errors.map(formatProblem).join('\n'));
      const theme = themePath();
      if (!existsSync(theme)) {
        const msg = `${deck?.files[0] ?? slidesDir}:1: error: theme "${deck?.meta.theme}" not found (${path.relative(process.cwd(), theme)})`;
        if (isBuild) this.error(msg);
        log(msg);
      }
      this.addWatchFile(slidesDir);
    },

    resolveId(id) {
      if (id === DECK_ID) return `\0${DECK_ID}`;
      if (id === THEME_ID) return themePath();
      if (id === FONT_ID) return fontCssId();
      return null;
    },

    async load(id) {
      if (id === `\0${DECK_ID}`) return `export default ${JSON.stringify(deck ? clientData(deck) : null)};`;
      if (id === fontCssId()) return fontCss(deck?.text ?? '', isBuild ? 'subset' : 'full');
      return null;
    },

    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!deck) return html;
        let out = html
          .replace(SLIDES_MARK, renderSlidesHtml(deck))
          .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(deck.meta.lang)}"`)
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(deck.meta.title)}</title>`);
        if (isBuild) out = out.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />`);
        return out;
      },
    },

    configureServer(server) {
      server.watcher.add(slidesDir);
      server.ws.on('iur:problem', (data: Problem) => {
        log(formatProblem(data));
        overlay(server, [data]);
      });
      // The doctor's findings for the slide on screen: each new one once in the terminal.
      const seen = new Set<string>();
      server.ws.on('iur:doctor', (report: DoctorReport) => {
        for (const p of report.problems) {
          const line = formatProblem(p);
          if (!seen.has(line)) log(line);
          seen.add(line);
        }
        const errors = report.problems.filter((p) => p.level === 'error');
        if (errors.length > 0) overlay(server, errors);
      });
      const onChange = async (file: string) => {
        if (!file.startsWith(slidesDir) || !file.endsWith('.md')) return;
        const before = deck?.meta.theme;
        const errors = await reload();
        if (errors.length > 0) {
          overlay(server, errors);
          return;
        }
        if (!deck) return;
        if (deck.meta.theme !== before) {
          server.ws.send({ type: 'full-reload' });
          return;
        }
        const update: DeckUpdate = { html: renderSlidesHtml(deck), data: clientData(deck) };
        server.ws.send({ type: 'custom', event: 'iur:deck', data: update });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
