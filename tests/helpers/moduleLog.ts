// Test helper: the modules a child Node process resolves while it runs a
// script (ES module source, run from the project's root with tsx): a resolve
// hook registered with node:module writes each URL down. For tests that a
// module is loaded only when it is needed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ModuleLog {
  /** Every module URL resolved, in order. */
  urls: string[];
  stdout: string;
  stderr: string;
  status: number | null;
}

export function modulesResolved(script: string): ModuleLog {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iur-modules-'));
  try {
    const log = path.join(dir, 'resolved.log');
    writeFileSync(log, '');
    const hook = path.join(dir, 'hook.mjs');
    writeFileSync(
      hook,
      `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}
`,
    );
    const register = `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hook).href)}, { data: { log: ${JSON.stringify(log)} } });`;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', script],
      { encoding: 'utf8', timeout: 60_000 },
    );
    return { urls: readFileSync(log, 'utf8').split('\n').filter(Boolean), stdout: run.stdout, stderr: run.stderr, status: run.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The node_modules packages (and their first folder) among `urls`. */
export const packagesOf = (urls: string[]): string[] => [
  ...new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+\/(?:[^/]+\/)?)/.exec(u)?.[1] ?? '').filter(Boolean)),
];
