// The client shell (src/builder/clientShell.ts) for the language server's
// layout check, built in a child process when it is not cached. Building it
// loads Vite, Rolldown and Mermaid's sources: the server's own memory went
// from about 100 MiB to 600 MiB, and a process that runs all day keeps most
// of that (V8 and the allocator give little back). The child,
// `iur-deck lsp --client-shell` with the shell's options as JSON on its
// standard input, builds it into the cache and exits; the server then takes
// it from the cache as every warm build does. The child ends with the server
// (src/process/exitCleanup.ts here, src/process/parentWatch.ts there).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { cachedShell, clientShell, type ShellOptions } from '../builder/clientShell.ts';
import { stopOnExit } from '../process/exitCleanup.ts';
import { PROJECT_ROOT } from '../project/paths.ts';

/** The options as the child reads them, or undefined when the JSON is not a shell's options. */
export function shellOptionsOf(json: string): ShellOptions | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  const diagrams = o.diagrams;
  if (typeof o.themeFile !== 'string' || typeof o.single !== 'boolean' || !Array.isArray(diagrams)) return undefined;
  if (!diagrams.every((d): d is string => typeof d === 'string')) return undefined;
  return { themeFile: o.themeFile, single: o.single, diagrams };
}

/** The child's side: builds the shell (or finds it cached) and prints its folder. */
export async function buildShellFromInput(input: NodeJS.ReadableStream): Promise<string> {
  let json = '';
  for await (const chunk of input) json += String(chunk);
  const options = shellOptionsOf(json);
  if (!options) throw new Error('--client-shell reads {"themeFile", "single", "diagrams"} as JSON on standard input');
  return clientShell(options);
}

/** Runs the child; resolves when it has built the shell, rejects with what it said when it has not. */
function buildInChild(options: ShellOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'src', 'cli', 'bin.mjs'), 'lsp', '--client-shell'], {
      cwd: PROJECT_ROOT,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const release = stopOnExit(() => child.kill('SIGKILL'));
    let said = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (said = `${said}${chunk}`.slice(-4000)));
    child.once('error', (error) => {
      release();
      reject(error);
    });
    child.once('close', (code, signal) => {
      release();
      if (code === 0) resolve();
      else reject(new Error(`building the client shell failed (${signal ?? `exit ${code}`}): ${said.trim() || 'nothing said'}`));
    });
    child.stdin.end(JSON.stringify(options));
  });
}

/** The shell for a build in the server: from the cache, built by a child process first when it is not there. */
export async function shellOutOfProcess(options: ShellOptions): Promise<string> {
  const cached = await cachedShell(options);
  if (cached) return cached;
  await buildInChild(options);
  const built = await cachedShell(options);
  if (!built) throw new Error('the client shell built by the child process is not in the cache');
  return built;
}
