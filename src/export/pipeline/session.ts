// What an export runs in: Chromium (launched first: it takes longest), a
// temporary folder the deck is built into (named with our PID: if we are
// killed, the next command's launch removes it), and a loopback server for
// it. `npm run export` makes one pass through the pipeline in a session,
// --watch one per save, in the same session and on the same page.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { findBrowser } from '../../browser/findBrowser.ts';
import { launchBrowser } from '../../browser/launch.ts';
import type { StaticServer } from '../../builder/staticServer.ts';
import { removeOnExit } from '../../process/exitCleanup.ts';
import { makeTempDir } from '../../process/temporaries.ts';
import type { Progress } from '../progress.ts';

export interface Session {
  /** Where the deck is built (inside the temporary folder). */
  outDir: string;
  /** Chromium once it has started; a failed launch is one plain line (src/browser/launch.ts). */
  browser: () => Promise<Browser>;
  /** The built deck's index.html, served on loopback (the server starts on first use). */
  url: () => Promise<string>;
  /** Resolves when Chromium goes away. */
  closed: Promise<void>;
  /** Lets Chromium exit now: the output is finished without it (less time, less memory). */
  closeBrowser: () => Promise<void>;
  /** Ends the session: Chromium, the server, the temporary folder. */
  close: () => Promise<void>;
}

export function startSession(progress: Progress): Session {
  // No browser: say so before spending time on the build.
  const executablePath = findBrowser();
  // Node's own start and our imports, up to here (npm's start is before it).
  progress.record('start-up', performance.now());
  const launching = progress.time('browser launch', () => launchBrowser({ executablePath }));
  launching.catch(() => {});
  const temp = makeTempDir('export');
  const release = removeOnExit(temp);
  const outDir = path.join(temp, 'deck');
  let serving: Promise<StaticServer> | undefined;
  let closing: Promise<void> | undefined;
  const closeBrowser = () => (closing ??= launching.then((b) => b.close()).catch(() => {}));
  const serve = async () => (await import('../../builder/staticServer.ts')).serveDir(outDir);
  return {
    outDir,
    browser: () => launching,
    url: async () => `${(await (serving ??= progress.time('serve', serve))).url}index.html`,
    closed: launching.then((b) => new Promise<void>((resolve) => b.once('disconnected', () => resolve()))).catch(() => {}),
    closeBrowser,
    close: async () => {
      await Promise.allSettled([closeBrowser(), serving?.then((s) => s.close())]);
      await rm(temp, { recursive: true, force: true });
      release();
    },
  };
}
