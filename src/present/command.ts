// `iur-deck present [--remote] [--host ADDR] [--port N] [--new-tokens] [--fresh]`:
// builds the deck and serves it for the talk. The venue screen opens the
// loopback address; with --remote the same server also listens on one LAN
// address and prints, for each role, a URL with its token and its QR code.
// The talk (where it is, its tokens and sessions) is kept on every change
// (talkStore.ts): started again the same day, after a crash or Ctrl+C, it goes
// on where it was, on the same port, and the phones reconnect by themselves.
// The build runs in a child process that exits (buildProcess.ts): what stays
// for the talk is a static file server and the live channel, nothing of the
// Markdown parser, Vite or Mermaid.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir, removeStaleTempDirs } from '../process/temporaries.ts';
import { ArgsError, parseCommandArgs } from '../process/args.ts';
import { reportFailure } from '../process/errors.ts';
import { EXIT } from '../shared/exitCodes.ts';
import { plural } from '../shared/plural.ts';
import { startPresentServer, type PresentServer } from './server.ts';
import { staticDeck } from './staticDeck.ts';
import { lanHostOption, printRemote, REMOTE_OPTIONS, REMOTE_HELP } from './remoteOptions.ts';
import { chooseResume, talkFile, TalkKeeper } from './talkStore.ts';
import { displayPath } from '../project/readSources.ts';
import { BuildFailed, buildInChild } from './buildProcess.ts';

export const PRESENT_HELP = `Usage: npm run present -- [--remote] [--host ADDR] [--port N] [--new-tokens] [--fresh] [--slides DIR]

Builds the deck and serves it for the talk: open http://127.0.0.1:PORT/ on
the venue screen. Every screen that opens the deck follows one state of the
talk kept by this server (a reloaded screen comes back on the current slide).

The talk is kept on disk (node_modules/.cache/iur-deck/present/, readable
only by you): started again the same day — after a crash, a sleeping laptop
or Ctrl+C — present goes on with the same talk on the same port: the venue
screen and the phones come back on the current slide, with no new scan.

${REMOTE_HELP}
  --new-tokens   the same talk with new tokens: every URL and session of
                 before stops working (a URL may have leaked); phones scan again
  --fresh        a new talk: new tokens, the clock at zero (a new day
                 starts one by itself)
  --port N       port (default: the last talk's, else 5180; the next free one if taken)
  --slides DIR   the deck's Markdown files (default: slides)
  --debug        print stack traces
  --help         this text

Ctrl+C (or closing the terminal) ends it.`;

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!(Number.isInteger(port) && port > 0 && port < 65536))
    throw new ArgsError(`--port: expected a port number (1–65535), got "${value}" (see --help)`);
  return port;
}

/** What present says of its tokens, under the QR codes. */
const KEPT_TOKENS_NOTE = "the tokens hold for today's talk, across restarts; if a URL may have leaked, start again with --new-tokens.";

/** Ends the process on Ctrl+C, SIGTERM and a hang-up, after `cleanUp` (also run on any other exit). */
export function endOnSignals(cleanUp: () => void): void {
  process.on('exit', cleanUp);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)
    process.once(signal, () => process.exit(code));
}

export async function presentCommand(argv: string[]): Promise<number> {
  const values = parseCommandArgs(argv, {
    ...REMOTE_OPTIONS,
    port: { type: 'string' },
    'new-tokens': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  });
  if (values.help) {
    console.log(PRESENT_HELP);
    return EXIT.ok;
  }
  const lanHost = lanHostOption(values);
  const file = talkFile(values.slides);
  const resume = chooseResume(file, { fresh: values.fresh, newTokens: values['new-tokens'] });
  const port = parsePort(values.port, resume.port ?? 5180);
  const keeper = new TalkKeeper(file, (error) =>
    console.error(`present: the talk could not be kept in ${displayPath(file)}: ${error instanceof Error ? error.message : String(error)}`),
  );
  // A present killed by SIGKILL (the crash a restart recovers from) left its build: removed here.
  removeStaleTempDirs();
  const dir = makeTempDir('present');
  let server: PresentServer | undefined;
  endOnSignals(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  try {
    const started = performance.now();
    const outDir = path.join(dir, 'deck');
    const build = await buildInChild({ slidesDir: values.slides, outDir, debug: values.debug });
    server = await startPresentServer({
      deck: staticDeck(outDir),
      assets: build.assets,
      port,
      portSearch: values.port === undefined,
      lanHost,
      loopback: true,
      kept: resume.kept,
      keep: (talk) => void keeper.save(talk),
    });
    console.log(`built ${plural(build.slides, 'slide')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`venue screen: http://127.0.0.1:${server.port}/`);
    console.log(`talk: ${resume.note}`);
    if (resume.kept && resume.port !== undefined && resume.port !== server.port)
      console.log(`talk: port ${resume.port} is taken, so the phones must scan the new code (the address changed)`);
    if (server.urls) printRemote(server.urls, KEPT_TOKENS_NOTE);
    else console.log('only on this computer (loopback); npm run present -- --remote adds a phone remote');
    console.log('Ctrl+C ends it.');
  } catch (error) {
    await server?.close();
    // The build's child has printed why (file:line) already.
    if (error instanceof BuildFailed) return error.code;
    return reportFailure(error, values.debug);
  }
  return new Promise<number>(() => {
    /* runs until interrupted */
  });
}
