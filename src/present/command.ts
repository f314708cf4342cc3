// `iur-deck present [--remote] [--host ADDR] [--port N]`: builds the deck and
// serves it for the talk. The venue screen opens the loopback address; with
// --remote the same server also listens on one LAN address and prints, for
// each role, a URL with a fresh token and its QR code.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArgsError, parseCommandArgs } from '../process/args.ts';
import { reportFailure } from '../process/errors.ts';
import { EXIT } from '../shared/exitCodes.ts';
import { buildDeck } from '../builder/buildDeck.ts';
import { formatProblem } from '../shared/problem.ts';
import { plural } from '../shared/plural.ts';
import { startPresentServer, type PresentServer } from './server.ts';
import { staticDeck } from './staticDeck.ts';
import { lanHostOption, printRemote, REMOTE_OPTIONS, REMOTE_HELP } from './remoteOptions.ts';

export const PRESENT_HELP = `Usage: npm run present -- [--remote] [--host ADDR] [--port N] [--slides DIR]

Builds the deck and serves it for the talk: open http://127.0.0.1:PORT/ on
the venue screen. Every screen that opens the deck follows one state of the
talk kept by this server (a reloaded screen comes back on the current slide).

${REMOTE_HELP}
  --port N       port (default 5180, the next free one if taken)
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
  const values = parseCommandArgs(argv, { ...REMOTE_OPTIONS, port: { type: 'string' } });
  if (values.help) {
    console.log(PRESENT_HELP);
    return EXIT.ok;
  }
  const port = parsePort(values.port, 5180);
  const lanHost = lanHostOption(values);
  const dir = mkdtempSync(path.join(os.tmpdir(), `iur-present-${process.pid}-`));
  let server: PresentServer | undefined;
  endOnSignals(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  try {
    const started = performance.now();
    const build = await buildDeck({ slidesDir: values.slides, outDir: path.join(dir, 'deck'), quiet: true });
    for (const p of build.problems) console.error(formatProblem(p));
    server = await startPresentServer({
      deck: staticDeck(build.outDir),
      port,
      portSearch: values.port === undefined,
      lanHost,
      loopback: true,
    });
    console.log(`built ${plural(build.deck.slides.length, 'slide')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`venue screen: http://127.0.0.1:${server.port}/`);
    if (server.urls) printRemote(server.urls);
    else console.log('only on this computer (loopback); npm run present -- --remote adds a phone remote');
    console.log('Ctrl+C ends it.');
  } catch (error) {
    await server?.close();
    return reportFailure(error, values.debug);
  }
  return new Promise<number>(() => {
    /* runs until interrupted */
  });
}
