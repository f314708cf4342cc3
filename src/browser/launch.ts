// Launches headless Chromium for export, check and tests, with the flags this
// closed network needs and fewer processes; keeps Chromium's sandbox unless
// running as root. Chromium talks to us over a pipe, so it exits when this
// process dies, however it dies (SIGKILL, the OOM killer); its profile is a
// temporary folder of ours, removed when it closes, when we exit, or by the
// next command if we were killed (src/process/temporaries.ts).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer';
import { findBrowser } from './findBrowser.ts';
import { alive, makeTempDir, removeStaleTempDirs } from '../process/temporaries.ts';
import { removeOnExit, stopOnExit } from '../process/exitCleanup.ts';
import { BrowserCrashError } from './crashSignal.ts';

export const BROWSER_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // What a headless page never uses, measured on Chromium 156 (export of the
  // talk, whole tree PSS): the omnibox popup's WebUI, preloaded in its own
  // renderer (≈55 MiB and ≈1.5 s of CPU just after launch); a spare renderer
  // kept for the next navigation (≈20 MiB); the network service in a process
  // of its own (≈20 MiB); and the GPU process's software rasterizer (≈15 MiB;
  // pages are still drawn, by the renderer). Puppeteer merges these feature
  // lists with its own.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
  '--enable-features=NetworkServiceInProcess2',
  '--disable-software-rasterizer',
];

/** Chromium's main process for a profile, found by its command line (Linux /proc), while Puppeteer still launches it. */
function chromiumUsing(profile: string): number[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const flag = `--user-data-dir=${profile}`;
  return names
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        // The browser process itself: its helpers (--type=renderer …) end with it.
        const args = readFileSync(`/proc/${n}/cmdline`, 'utf8').split('\0');
        return args.includes(flag) && !args.some((a) => a.startsWith('--type='));
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Waits, blocking, until `pid` has ended or `ms` have passed: used while the
 * process exits, when nothing asynchronous runs any more. Chromium killed
 * with SIGKILL takes a moment to stop writing its profile.
 */
function waitForDeath(pid: number, ms: number): void {
  const tick = new Int32Array(new SharedArrayBuffer(4));
  for (const end = Date.now() + ms; Date.now() < end && alive(pid);) Atomics.wait(tick, 0, 0, 10);
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export async function launchBrowser(options: { executablePath?: string; timeout?: number } = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? findBrowser();
  // What commands killed with SIGKILL left behind.
  removeStaleTempDirs();
  const profile = makeTempDir('chrome');
  const release = removeOnExit(profile);
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
      release();
    } catch {
      /* still in use: the exit handler, or the next command, removes it */
    }
  };
  // On our exit (Ctrl+C, SIGTERM), even while Puppeteer is still launching it:
  // Chromium is killed, and has ended, before its profile is removed.
  let chromium: number[] = [];
  const unstop = stopOnExit(() => {
    for (const pid of chromium.length > 0 ? chromium : chromiumUsing(profile)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        continue;
      }
      waitForDeath(pid, 2000);
    }
  });
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      // The pipe closes when this process dies: Chromium then exits too.
      pipe: true,
      userDataDir: profile,
      // A fresh array: Puppeteer removes the feature flags from the one it is given.
      args: isRoot() ? ['--no-sandbox', ...BROWSER_ARGS] : [...BROWSER_ARGS],
      defaultViewport: { width: 1280, height: 720 },
      timeout: options.timeout ?? 30_000,
    });
    // Once Chromium has exited: until then it may still write to its profile.
    const child = browser.process();
    if (child?.pid !== undefined && child.exitCode === null) {
      chromium = [child.pid];
      child.once('exit', () => {
        unstop();
        removeProfile();
      });
    } else {
      unstop();
      removeProfile();
    }
    return browser;
  } catch (error) {
    unstop();
    removeProfile();
    // One plain line: Puppeteer's text is a page of Chromium's output.
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new BrowserCrashError(`could not start ${executablePath}: ${why}`);
  }
}
