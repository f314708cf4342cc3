// The pipeline's first stage: the deck built into the session's folder
// (parsed once, src/builder/buildDeck.ts) and its problems printed. With
// --strict a warning in the sources stops here, as an error does. The
// editor's layout check (src/lsp/layoutCheck.ts) builds into its session the same way.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDeck, type BuildOptions } from '../../builder/buildDeck.ts';
import { DeckError, type Deck } from '../../deck/model.ts';
import { displayPath } from '../../project/readSources.ts';
import { formatProblem, type Problem } from '../../shared/problem.ts';
import { plural } from '../../shared/plural.ts';
import type { ExportOptions } from '../args.ts';
import type { Progress } from '../progress.ts';
import type { Session } from './session.ts';

export interface Built {
  deck: Deck;
  /** The sources' warnings. */
  problems: Problem[];
  /** The client shell the page runs: another one needs the page loaded anew. */
  shellKey: string;
  /** The fonts' CSS in the page (the subset, and the code font's and KaTeX's): another needs the page loaded anew too. */
  font: string;
  /** Build stages in ms (--verbose). */
  timings: Record<string, number>;
}

const FONT_STYLES = /<style id="(?:iur-font|iur-code-math)">([\s\S]*?)<\/style>/g;

/**
 * The deck built into the session's folder, as the print view takes it.
 * `keepGoing`: build the slides that parse even when others have errors (the
 * editor's layout check, as `check` does).
 */
export async function buildInto(
  session: Session,
  slidesDir: string,
  options: Pick<BuildOptions, 'verifyDiagrams' | 'keepGoing' | 'shell' | 'fullFont'>,
): Promise<Built> {
  const built = await buildDeck({ slidesDir, outDir: session.outDir, quiet: true, ...options });
  const font = [...(await readFile(built.indexHtml, 'utf8')).matchAll(FONT_STYLES)].map((m) => m[1]).join('\n');
  return { deck: built.deck, problems: built.problems, shellKey: built.shellKey, font, timings: built.timings };
}

/**
 * Builds the deck; throws a DeckError (its errors, or with --strict its
 * warnings). `verifyDiagrams`: check them in Node first
 * (once); --watch leaves them to the page, which names them the same way.
 */
export async function buildStage(session: Session, options: ExportOptions, progress: Progress, verifyDiagrams: boolean): Promise<Built> {
  progress.update(`building ${displayPath(path.resolve(options.slidesDir))} …`);
  const built = await progress.time('build', () => buildInto(session, options.slidesDir, { verifyDiagrams }));
  const { deck, problems } = built;
  // --strict: a warning in the sources stops the export here (printed once, with the reason).
  if (options.strict && problems.length > 0) throw new DeckError(problems);
  for (const problem of problems) progress.line(formatProblem(problem), process.stderr);
  progress.update(`built ${plural(deck.slides.length, 'slide')}; starting the browser …`);
  return built;
}
