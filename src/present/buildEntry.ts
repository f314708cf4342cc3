// The build of `present`, run in a child process of its own (buildProcess.ts
// starts it as the hidden command `present-build`): it builds the deck into
// the folder it is given and bundles the phone's and the venue screen's
// scripts, sends the server what it needs (the slide count, those scripts)
// over the IPC channel, and exits. The Markdown parser, Vite, Shiki, KaTeX,
// Mermaid and esbuild live and die here, so the server that stays for the
// whole talk never holds their memory. A bad slide is reported here, as
// `build` reports it (file:line, exit 1), and the server exits with its code.
import { buildDeck } from '../builder/buildDeck.ts';
import { parseCommandArgs } from '../process/args.ts';
import { reportFailure } from '../process/errors.ts';
import { removeOnExit } from '../process/exitCleanup.ts';
import { EXIT } from '../shared/exitCodes.ts';
import { formatProblem } from '../shared/problem.ts';
import { buildPageAssets } from './pageAssets.ts';
import type { BuiltDeck } from './buildProcess.ts';

export async function presentBuildCommand(argv: string[]): Promise<number> {
  const values = parseCommandArgs(argv, { out: { type: 'string' } });
  const send = process.send?.bind(process);
  if (!send || values.out === undefined) {
    console.error('present-build: run by `npm run present`, not by hand');
    return EXIT.deck;
  }
  // Stopped half-way (the server killed, Ctrl+C): the half-built folder goes with this process.
  const release = removeOnExit(values.out);
  try {
    const [build, assets] = await Promise.all([
      buildDeck({ slidesDir: values.slides, outDir: values.out, quiet: true }),
      buildPageAssets(),
    ]);
    for (const p of build.problems) console.error(formatProblem(p));
    const message: BuiltDeck = { slides: build.deck.slides.length, assets: [...assets] };
    await new Promise<void>((resolve, reject) => send(message, undefined, undefined, (error) => (error ? reject(error) : resolve())));
    release();
    process.disconnect();
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, values.debug);
  }
}
