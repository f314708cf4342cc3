// Builds the static deck: parse the slides (once), check the diagrams, take
// the cached client shell (Vite builds it only when the code or theme
// changed), render the deck into it, write the subset font beside it. All
// into a temporary folder that replaces the target only when complete, so a
// failed build never damages a previous good one.
import { assertSlideList } from '../deck/slideCount.ts';
import { assertScripts, readBuiltPage } from './builtPage.ts';
import { FOLDER_MANIFEST } from '../project/cacheManifest.ts';
import { partialPath, removeStalePartials } from '../process/temporaries.ts';
import path from 'node:path';
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { loadDeck, errorsOf } from '../deck/loadDeck.ts';
import { DeckError, type Deck } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';
import { validateDiagrams, stopDiagramCheck } from '../diagrams/validateDiagrams.ts';
import { renderPage } from '../render/pageHtml.ts';
import { contentSecurityPolicy } from '../vite/csp.ts';
import { clientShell, type ShellOptions } from './clientShell.ts';
import { writeFontFiles, writeFullFontFiles } from './fontFiles.ts';
import { writeCodeMathAssets } from './codeMathAssets.ts';
import { fontLicensePath } from '../font/source.ts';
import { FONT_MIME } from '../font/css.ts';
import { DeckImages } from './deckImages.ts';
import { BUILD_MARKER, refuseForeignFolder, refuseSourceOutput } from '../project/outputSafety.ts';

export interface BuildOptions {
  slidesDir: string;
  outDir: string;
  single?: boolean;
  quiet?: boolean;
  /**
   * Check Mermaid diagrams in Node before building (default). Export skips
   * it: the page it prints checks them anyway and names them the same way.
   */
  verifyDiagrams?: boolean;
  /**
   * Build even when slides have errors (the doctor, to lay out and check the
   * slides that did parse, and report every problem in one pass). Their
   * problems are in the result; a deck with no slide at all still fails.
   */
  keepGoing?: boolean;
  /**
   * Where the client shell comes from (default: clientShell, which builds it
   * with Vite in this process when it is not cached). The language server
   * builds it in a child process instead (src/lsp/shellProcess.ts).
   */
  shell?: (options: ShellOptions) => Promise<string>;
  /** The whole bundled font instead of a subset of it (the editor's layout check: see writeFullFontFiles). */
  fullFont?: boolean;
}

export interface BuildResult {
  /** The model the build rendered (the slides are parsed once, here). */
  deck: Deck;
  problems: Problem[];
  outDir: string;
  /** The page to open: index.html inside outDir. */
  indexHtml: string;
  /** The client shell's cache key: names the browser code, theme and packages the page runs. */
  shellKey: string;
  /** Stage timings in ms (parse, diagrams, shell, render). */
  timings: Record<string, number>;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

export async function buildDeck(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };

  // Before anything is read or written: the output may not be a source, nor a folder of someone else's.
  refuseSourceOutput(options.outDir, options.slidesDir);
  refuseForeignFolder(options.outDir);
  const images = new DeckImages(options.single === true);
  const { deck, problems: parsed } = await loadDeck(options.slidesDir, { assetUrl: images.url });
  let problems = parsed;
  const stop = () => errorsOf(problems).length > 0 && (!options.keepGoing || deck.slides.length === 0);
  if (stop()) throw new DeckError(errorsOf(problems));
  lap('parse');
  const diagrams = deck.slides.flatMap((s) => s.diagrams);
  if (options.verifyDiagrams !== false && diagrams.length > 0) {
    try {
      problems = [...problems, ...(await validateDiagrams(diagrams))];
    } finally {
      await stopDiagramCheck();
    }
    if (stop()) throw new DeckError(errorsOf(problems));
  }
  lap('diagrams');
  // loadDeck checked the theme (src/deck/theme.ts): no file means its problem is among the errors.
  const themeFile = deck.themeFile;
  if (!themeFile) throw new DeckError(errorsOf(problems));
  const shell = await (options.shell ?? clientShell)({ themeFile, single: options.single === true, diagrams: diagrams.map((d) => d.code) });
  lap('shell');

  const outDir = path.resolve(options.outDir);
  removeStalePartials(outDir); // what a killed build of this folder left (src/process/temporaries.ts)
  const partial = partialPath(outDir);
  const old = `${partial}.old`;
  try {
    await rm(partial, { recursive: true, force: true });
    await cp(shell, partial, { recursive: true, filter: (from) => path.basename(from) !== FOLDER_MANIFEST });
    await mkdir(path.join(partial, 'assets'), { recursive: true });
    await images.copyTo(path.join(partial, 'assets'));
    const fonts = options.fullFont
      ? await writeFullFontFiles(path.join(partial, 'assets'))
      : await writeFontFiles(deck, path.join(partial, 'assets'), options.single === true);
    const extras = await writeCodeMathAssets(deck, path.join(partial, 'assets'), options.single === true);
    const html = renderPage(await readFile(path.join(shell, 'index.html'), 'utf8'), deck, {
      fontCss: fonts.css,
      extraCss: extras.css,
      fontPreload: fonts.files.map((href) => ({ href, type: options.fullFont ? FONT_MIME.truetype : FONT_MIME.woff2 })),
      csp: contentSecurityPolicy({ single: options.single === true }),
    });
    // The page a browser reads must hold exactly the parsed slides (src/deck/slideCount.ts), and whole scripts.
    const built = readBuiltPage(html);
    assertSlideList(deck, built.slides);
    await assertScripts(built, partial);
    await writeFile(path.join(partial, 'index.html'), html);
    await writeFile(path.join(partial, 'FONT-LICENSE.txt'), await readFile(fontLicensePath()));
    for (const [name, from] of Object.entries(extras.licences)) await writeFile(path.join(partial, name), await readFile(from));
    await writeFile(path.join(partial, BUILD_MARKER), 'This folder is a build of iur-deck: the next build replaces it.\n');
    if (options.single) await rm(path.join(partial, 'assets'), { recursive: true, force: true }).catch(() => {});
    if (await exists(outDir)) await rename(outDir, old);
    await rename(partial, outDir);
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  lap('render');
  return { deck, problems, outDir, indexHtml: path.join(outDir, 'index.html'), shellKey: path.basename(shell), timings };
}
