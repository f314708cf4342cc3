// The one argument parser of every command (dev, build, export, check, bench):
// node:util parseArgs with the options all of them share (--slides, --debug,
// --help), and its errors in one plain form, "unknown option --x (see --help)".
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A command-line mistake: printed as a message, no stack, exit 1. */
export class ArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgsError';
  }
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  slides: { type: 'string', default: 'slides' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/**
 * `--timeout -5`: parseArgs reads "-5" as an option and gives up with "argument
 * is ambiguous". A string option followed by something that reads as a number
 * takes it as its value, so the command can say what is wrong with it.
 */
function joinNumbers(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** parseArgs's message in one plain form, with where to look. */
function plainMessage(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option} (see --help)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing/.test(message)
      ? `option ${option} needs a value (see --help)`
      : `option ${option} takes no value (see --help)`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const arg = /'([^']*)'/.exec(message)?.[1];
    return `unexpected argument${arg ? ` "${arg}"` : ''}: options start with -- (see --help)`;
  }
  return `${message.split('\n')[0]} (see --help)`;
}

/** The values of a command's options, its own and the common ones. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  const all = { ...COMMON_OPTIONS, ...options };
  try {
    return parseArgs({ args: joinNumbers(argv, all), options: all, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ArgsError(plainMessage(error));
  }
}
