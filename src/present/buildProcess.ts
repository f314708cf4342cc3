// Runs `present`'s build in a child process (buildEntry.ts, through the same
// command line: src/cli/bin.mjs present-build) and waits for what it sends
// back. The child prints its own problems and errors on the shared terminal;
// a failed build comes back here as its exit code. The child never outlives
// the server: it is killed when the server exits, and it ends by itself when
// its parent is gone (src/process/parentWatch.ts, in every command).
import { fork } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../project/paths.ts';
import { EXIT } from '../shared/exitCodes.ts';
import type { Asset } from './pageAssets.ts';

/** What the build child sends the server: the slide count and the remote's page assets (path → asset). */
export interface BuiltDeck {
  slides: number;
  assets: [string, Asset][];
}

/** The build failed: the child has said why on the terminal; `code` is its exit code. */
export class BuildFailed extends Error {
  constructor(readonly code: number) {
    super(`the build ended with exit code ${code}`);
    this.name = 'BuildFailed';
  }
}

const BIN = path.join(PROJECT_ROOT, 'src', 'cli', 'bin.mjs');

/** Builds the deck of `slidesDir` into `outDir` in a child process; the page assets come back as Buffers. */
export function buildInChild(options: {
  slidesDir: string;
  outDir: string;
  debug: boolean;
}): Promise<{ slides: number; assets: Map<string, Asset> }> {
  const args = ['present-build', '--slides', options.slidesDir, '--out', options.outDir, ...(options.debug ? ['--debug'] : [])];
  // 'advanced' serialisation: the assets' bytes cross as they are, not as JSON.
  const child = fork(BIN, args, { stdio: 'inherit', serialization: 'advanced' });
  const killChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', killChild);
  return new Promise((resolve, reject) => {
    let built: BuiltDeck | undefined;
    child.on('message', (message) => {
      built = message as BuiltDeck;
    });
    child.once('error', (error) => {
      process.off('exit', killChild);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      process.off('exit', killChild);
      if (code === 0 && built) {
        const assets = new Map(built.assets.map(([p, a]) => [p, { type: a.type, body: Buffer.from(a.body) }]));
        resolve({ slides: built.slides, assets });
      } else {
        if (signal) console.error(`present: the build was stopped (${signal})`);
        reject(new BuildFailed(code || EXIT.deck));
      }
    });
  });
}
