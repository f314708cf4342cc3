// The iur-deck command line: `dev`, `build`, `export`, `check`, `present`, `new`, `lsp`, each with --help.
import { EXIT } from '../shared/exitCodes.ts';
import { watchParent } from '../process/parentWatch.ts';

type Command = (argv: string[]) => number | Promise<number>;

// Each command loads only its own modules: a start-up that imports Vite for
// `export` (or Puppeteer for `dev`) costs seconds on a small machine.
const commands: Record<string, () => Promise<Command>> = {
  dev: async () => (await import('./dev.ts')).devCommand,
  build: async () => (await import('./build.ts')).buildCommand,
  export: async () => (await import('../export/command.ts')).exportCommand,
  check: async () => (await import('../check/command.ts')).checkCommand,
  present: async () => (await import('../present/command.ts')).presentCommand,
  // Not for users: present's build, in a child process that exits (src/present/buildProcess.ts).
  'present-build': async () => (await import('../present/buildEntry.ts')).presentBuildCommand,
  new: async () => (await import('../starter/newDeck.ts')).newCommand,
  lsp: async () => (await import('../lsp/command.ts')).lspCommand,
};

const USAGE = `Usage: npm run <dev|build|export|check|present|new|lsp> -- [options]   (each takes --help)`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    console.error(USAGE);
    return EXIT.deck;
  }
  // npm killed (kill PID, kill -9, its terminal closed): end at once, as on a
  // hang-up; the exit handlers still run (Chromium killed, temporary files removed).
  watchParent(() => process.exit(129));
  try {
    return await (
      await load()
    )(rest);
  } catch (error) {
    // Argument errors from parseArgs: a message, no stack.
    console.error(`iur-deck ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.deck;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
