// One export, stage by stage, in a session (session.ts): build the deck
// (build.ts), take the slides of --range, show it in the print view with the
// diagrams an earlier export drew or swap the new slides into the open one
// (page.ts), let the doctor's findings stop it or not (gate.ts), take the
// format's output from the page, finish it, and write it atomically
// (write.ts). `npm run export` makes one pass (exportDeck.ts); --watch one per
// save, on the same page (watch.ts). A stage that refuses throws: a DeckError,
// a SlideRangeError, a FindingsError.
import type { Deck } from '../../deck/model.ts';
import { missingGlyphs } from '../../font/glyphs.ts';
import type { Problem } from '../../shared/problem.ts';
import { ArgsError, type ExportOptions } from '../args.ts';
import type { FormatModule, Output, RenderOptions } from '../contract.ts';
import type { Progress } from '../progress.ts';
import { selectSlides } from '../range.ts';
import { buildStage } from './build.ts';
import { gateFindings, uniqueFindings } from './gate.ts';
import type { PrintView } from './page.ts';
import type { Session } from './session.ts';
import { writeStage } from './write.ts';

/** How a pass runs: once (`npm run export`) or on every save (--watch). */
export interface PassMode {
  /** Check the diagrams in Node before the page does (once: they are named before Chromium is needed). */
  verifyDiagrams: boolean;
  /** Let Chromium exit as soon as the page is read (once: the output is finished without it). */
  closeEarly: boolean;
  /** Flush the output to disk (once; --watch rewrites it on every save). */
  durable: boolean;
}

export interface PassResult {
  /** Absolute path of the written file (for PNG: the folder). */
  file: string;
  deck: Deck;
  output: Output;
  bytes: number;
  /** Slides exported (all, or those of --range). */
  slides: number;
  /** Warnings from the deck and the doctor (errors stop the pass). */
  warnings: Problem[];
  /** Distinct diagrams, and how many an earlier export drew (when the page was loaded). */
  diagrams: { reused: number; total: number };
  /** How the deck got into the page. */
  how: string;
  /** The build's own stages, ms (--verbose). */
  buildTimings: Record<string, number>;
}

export async function runPass(
  stages: { session: Session; view: PrintView; format: FormatModule },
  options: ExportOptions,
  mode: PassMode,
  progress: Progress,
): Promise<PassResult> {
  const { session, view, format } = stages;
  const built = await buildStage(session, options, progress, mode.verifyDiagrams);
  const { deck } = built;
  const selected = options.range ? selectSlides(options.range, deck.slides.length) : null;
  if (options.rehearsedTimings && !(selected ?? deck.slides.map((_, i) => i)).some((i) => deck.slides[i].timing !== undefined))
    throw new ArgsError(
      `--rehearsed-timings: no slide exported has a rehearsed time (${options.slidesDir}/rehearsal.json): rehearse the talk first (R in the speaker view, see README)`,
    );
  const render: RenderOptions = { ...options, selected };
  const shown = await view.show(built, format.view(render), render, progress);
  const remembered = shown.diagrams?.remember(shown.opened.drawn);
  // What the doctor finds (the font's glyphs, and the page's rules on the laid-out slides, as
  // check and dev find them): printed; an error (with --strict a warning) ends the export here,
  // the last good output kept, unless --force (gate.ts).
  const findings = uniqueFindings([...missingGlyphs(deck), ...shown.findings]);
  view.settle(built, findings);
  gateFindings(findings, options, (line) => progress.line(line, process.stderr));
  const captured = await format.capture({ browser: await session.browser(), deck, opened: shown.opened }, render, progress);
  if (mode.closeEarly) void session.closeBrowser();
  const output = await captured.finish(progress);
  const { file, bytes } = await writeStage(output, options.out, progress, mode.durable, remembered);
  return {
    file,
    deck,
    output,
    bytes,
    slides: selected?.length ?? deck.slides.length,
    warnings: [...built.problems, ...findings],
    diagrams: { reused: shown.diagrams?.reused ?? 0, total: shown.diagrams?.total ?? 0 },
    how: shown.how,
    buildTimings: built.timings,
  };
}
