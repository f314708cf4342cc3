// The Vite plugin of the dev server: loads the Deck model from the slides
// folder, renders it into the page, and on every save pushes a fresh deck to
// the open page (no reload) or shows the problem in Vite's error overlay.
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { loadDeck, errorsOf } from '../deck/loadDeck.ts';
import type { Deck } from '../deck/model.ts';
import { type Problem, formatProblem } from '../shared/problem.ts';
import { renderSlidesHtml } from '../render/slidesHtml.ts';
import { missingGlyphs } from '../font/glyphs.ts';
import { renderPage } from '../render/pageHtml.ts';
import { devFonts } from './devFont.ts';
import { devCodeMathCss } from './devCodeMath.ts';
import { FONT_MIME } from '../font/css.ts';
import { virtualModulesPlugin } from './virtualModules.ts';
import { watchFiles } from '../project/watchFiles.ts';
import { containFiles } from './containFiles.ts';
import { cleanSvgs } from './cleanSvgs.ts';
import { contentSecurityPolicy } from './csp.ts';
import { deckRoots } from '../project/contain.ts';
import { validateDiagrams, warmUpDiagramCheck } from '../diagrams/validateDiagrams.ts';
import { DEV_EVENT, SERVED_VERSION, type DeckUpdate, type DoctorReport, type Hello } from '../shared/devChannel.ts';

export interface DeckPluginOptions {
  slidesDir: string;
  themesDir: string;
  /** Print problems (warnings too) to the terminal. */
  log?: (line: string) => void;
}

/** What a page is sent on a save: the slides, and the code font's and KaTeX's CSS. */
function deckUpdate(deck: Deck, version: number): DeckUpdate {
  return { html: renderSlidesHtml(deck), css: devCodeMathCss(deck), version };
}

export function deckPlugin(options: DeckPluginOptions): Plugin[] {
  const slidesDir = path.resolve(options.slidesDir);
  let deck: Deck | undefined;
  let problems: Problem[] = [];
  /** One more on every deck the server takes: a page served an older one is sent the new one when it connects. */
  let version = 0;
  const log = options.log ?? ((line: string) => console.error(line));

  /** The doctor's findings: each new one once in the terminal. */
  const said = new Set<string>();
  function sayOnce(found: Problem[]): void {
    for (const p of found) {
      const line = formatProblem(p);
      if (!said.has(line)) log(line);
      said.add(line);
    }
  }

  async function reload(): Promise<Problem[]> {
    // Dev serves local images by absolute path.
    const result = await loadDeck(slidesDir, { assetUrl: (file) => `/@fs${file.split(path.sep).join('/')}` });
    problems = result.problems;
    if (errorsOf(problems).length === 0) {
      // Diagrams that do not parse are errors with their line, before any browser sees them.
      problems = [...problems, ...(await validateDiagrams(result.deck.slides.flatMap((s) => s.diagrams)))];
    }
    for (const p of problems) log(formatProblem(p));
    const errors = errorsOf(problems);
    // The doctor's rule that needs Node (the font's glyphs), as check and export run it; the page
    // runs the others on the slide on screen (DEV_EVENT.doctor below).
    if (errors.length === 0) sayOnce(missingGlyphs(result.deck));
    if (errors.length === 0 || !deck) {
      deck = result.deck;
      version++;
    }
    return errors;
  }

  /** The theme's file, as loadDeck checked it (src/deck/theme.ts); the default until there is one. */
  function themePath(): string {
    return deck?.themeFile ?? path.join(options.themesDir, 'institute.css');
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

  const dev: Plugin = {
    name: 'iur-deck',
    apply: 'serve',
    enforce: 'pre',

    async buildStart() {
      await reload();
      // Make the font subset now, while Vite starts, rather than when the page asks.
      if (deck) devFonts(deck).catch(() => {});
    },

    transformIndexHtml: {
      // After Vite's own HTML processing, which parses the whole page: given
      // the 86 KB of slides it took 100-400 ms per page load; the shell alone
      // takes a few. The slides hold no module script or asset for Vite to rewrite.
      order: 'post',
      async handler(html) {
        if (!deck) return html;
        const fonts = await devFonts(deck);
        const served = version;
        return renderPage(html.replace('<html ', `<html ${SERVED_VERSION}="${served}" `), deck, {
          fontCss: fonts.css,
          fontPreload: fonts.files.map((href) => ({ href, type: FONT_MIME.truetype })),
          extraCss: devCodeMathCss(deck),
          // The built page's policy: what loads from another origin fails in dev already.
          csp: contentSecurityPolicy(),
        });
      },
    },

    configureServer(server) {
      // Before Vite's own file serving: nothing whose real path leaves the deck's folders.
      const roots = deckRoots(slidesDir);
      server.middlewares.use(containFiles(server.config.root, () => roots));
      // A deck's SVG pictures as the build ships them: cleaned.
      server.middlewares.use(cleanSvgs(server.config.root));
      // The diagram checker (Mermaid in a worker, ~1.5 s of a core to start) is
      // needed only once a diagram changes: start it after the page is up, not
      // beside Vite's own start, on a small machine.
      server.httpServer?.once('listening', () => setTimeout(warmUpDiagramCheck, 3000).unref());
      server.ws.on(DEV_EVENT.problem, (data: Problem) => {
        log(formatProblem(data));
        overlay(server, [data]);
      });
      // The doctor's findings for the slide on screen: each new one once in the terminal.
      server.ws.on(DEV_EVENT.doctor, (report: DoctorReport) => {
        sayOnce(report.problems);
        const errors = report.problems.filter((p) => p.level === 'error');
        if (errors.length > 0) overlay(server, errors);
      });
      // A page whose deck changed while it loaded (a save right after a reload) gets the new one.
      server.ws.on(DEV_EVENT.hello, (data: Hello, client: { send: (event: string, payload?: unknown) => void }) => {
        if (deck && errorsOf(problems).length === 0 && (data?.version ?? version) < version) {
          client.send(DEV_EVENT.deck, deckUpdate(deck, version));
        }
      });
      // A page that connects while the deck has errors (a missing slides folder, say) shows them at once.
      server.ws.on('connection', () => {
        const errors = errorsOf(problems);
        if (errors.length > 0) setTimeout(() => overlay(server, errors), 100);
      });
      const onChange = async () => {
        const before = deck?.themeFile;
        const broken = errorsOf(problems).length > 0 || (deck?.slides.length ?? 0) === 0;
        const errors = await reload();
        if (errors.length > 0) {
          overlay(server, errors);
          return;
        }
        if (!deck) return;
        // The theme changed, or the page holds no good deck yet (it loaded while the folder was missing).
        if (deck.themeFile !== before || broken) {
          server.ws.send({ type: 'full-reload' });
          return;
        }
        server.ws.send({ type: 'custom', event: DEV_EVENT.deck, data: deckUpdate(deck, version) });
      };
      // The slides folder is watched directly: Vite's watcher dropped a save that came soon after
      // another, and a lost save is a deck that silently stops updating. The Markdown, and the
      // rehearsal's times (a rehearsal saved, or a downloaded file put in).
      const watcher = watchFiles([slidesDir], onChange, { accept: (name) => /\.md$|^rehearsal\.json$/i.test(name), delayMs: 20 });
      server.httpServer?.once('close', () => watcher.close());
    },
  };
  return [dev, virtualModulesPlugin(themePath)];
}
