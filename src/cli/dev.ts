// `iur-deck dev [--slides DIR] [--port N]`: the live deck on localhost.
import { ArgsError, parseCommandArgs } from '../process/args.ts';
import { createServer } from 'vite';
import { deckViteConfig } from '../vite/config.ts';
import { EXIT } from '../shared/exitCodes.ts';
import { lanHostOption, printRemote, REMOTE_HELP, REMOTE_OPTIONS } from '../present/remoteOptions.ts';

export const DEV_HELP = `Usage: npm run dev -- [--slides DIR] [--port N] [--remote] [--host ADDR]

Serves the deck on http://localhost:PORT/ and updates the open page in place,
on the same slide, whenever a file under the slides folder is saved. Problems
appear as file:line messages here and in the browser's error overlay.

  --slides DIR   the deck's Markdown files (default: slides)
  --port N       port (default 5173, the next free one if taken)
${REMOTE_HELP}
  --debug        print stack traces
  --help         this text`;

export async function devCommand(argv: string[]): Promise<number> {
  const values = parseCommandArgs(argv, { port: { type: 'string' }, ...REMOTE_OPTIONS });
  if (values.help) {
    console.log(DEV_HELP);
    return EXIT.ok;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new ArgsError(`--port: expected a port number (1–65535), got "${values.port}" (see --help)`);
  }
  const lanHost = lanHostOption(values);
  const config = deckViteConfig({ slidesDir: values.slides, port });
  // The phone remote (src/present/): loaded only with --remote.
  const remote = lanHost ? (await import('../present/devRemote.ts')).devRemote() : undefined;
  if (remote) config.plugins = [...(config.plugins ?? []), remote.plugin];
  const server = await createServer(config);
  await server.listen();
  server.printUrls();
  if (remote && lanHost) {
    const present = await remote.start(server, lanHost);
    if (present.urls) printRemote(present.urls);
  }
  return new Promise<number>(() => {
    /* runs until interrupted */
  });
}
