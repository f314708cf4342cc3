// `iur-deck lsp`: the language server on standard input and output, for any
// LSP editor (README, "In your editor"). It ends when the editor closes its
// input or says exit, on SIGTERM, Ctrl+C or a hang-up, and when the process
// that started it is gone (src/cli/main.ts); Chromium ends with it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT } from '../shared/exitCodes.ts';
import { parseCommandArgs } from '../process/args.ts';
import { PROJECT_ROOT } from '../project/paths.ts';
import { frontMatterSchemaText } from './frontMatterSchema.ts';

export const LSP_HELP = `Usage: npm run -s lsp [-- --stdio]        (or: node src/cli/lsp.mjs, the package's iur-deck-lsp)

The iur-deck language server, over standard input and output: diagnostics
while typing (the parse-level checks of npm run check) and on save (the
browser doctor, in one Chromium it keeps), completion, hover, quick fixes,
the outline, and the link to the deck open in npm run dev.

  --stdio        accepted, as editors pass it (standard input and output is the only channel)
  --schema       print the front matter's JSON schema (src/lsp/frontMatter.schema.json) and exit
  --client-shell build the cached client shell whose options come as JSON on
                 standard input, print its folder and exit (the server runs
                 this in a child process, so that Vite never loads into it)
  --help         this text`;

export async function lspCommand(argv: string[]): Promise<number> {
  const values = parseCommandArgs(argv, {
    stdio: { type: 'boolean', default: false },
    schema: { type: 'boolean', default: false },
    'client-shell': { type: 'boolean', default: false },
  });
  if (values.help) {
    console.log(LSP_HELP);
    return EXIT.ok;
  }
  if (values.schema) {
    process.stdout.write(frontMatterSchemaText());
    return EXIT.ok;
  }
  if (values['client-shell']) {
    const { buildShellFromInput } = await import('./shellProcess.ts');
    console.log(await buildShellFromInput(process.stdin));
    return EXIT.ok;
  }
  const { stdioConnection } = await import('./stdio.ts');
  const { startServer } = await import('./server.ts');
  const connection = stdioConnection();
  const version = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  startServer(connection, { version, log: (line) => connection.console.log(line) });
  // The editor closed the channel: nothing more can come. The exit handlers (src/process/exitCleanup.ts)
  // and Puppeteer's own end Chromium and remove the temporary folders.
  process.stdin.once('end', () => process.exit(0));
  process.stdin.once('close', () => process.exit(0));
  connection.onExit(() => process.exit(0));
  return new Promise<number>(() => {
    /* runs until the editor is done with it */
  });
}
