// `iur-deck dev [--slides DIR] [--port N]`: the live deck on localhost.
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { deckViteConfig } from '../vite/config.ts';
import { EXIT } from './errors.ts';

export const DEV_HELP = `Usage: npm run dev -- [--slides DIR] [--port N]

Serves the deck on http://localhost:PORT/ and updates the open page in place,
on the same slide, whenever a file under the slides folder is saved. Problems
appear as file:line messages here and in the browser's error overlay.

  --slides DIR   the deck's Markdown files (default: slides)
  --port N       port (default 5173, the next free one if taken)
  --help         this text`;

export async function devCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      slides: { type: 'string', default: 'slides' },
      port: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(DEV_HELP);
    return EXIT.ok;
  }
  const server = await createServer(deckViteConfig({ slidesDir: values.slides, port: values.port ? Number(values.port) : undefined }));
  await server.listen();
  server.printUrls();
  return new Promise<number>(() => {
    /* runs until interrupted */
  });
}
