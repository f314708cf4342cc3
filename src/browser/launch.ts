// Launches headless Chromium for export, check and tests, with the flags this
// closed network needs and fewer processes; keeps Chromium's sandbox unless
// running as root. Chromium talks to us over a pipe, so it exits when this
// process dies, however it dies (SIGKILL, the OOM killer); its profile is a
// temporary folder of ours, removed when it closes, when we exit, or by the
// next command if we were killed (src/browser/tempDirs.ts).
import { rmSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer';
import { findBrowser } from './findBrowser.ts';
import { makeTempDir, removeStaleTempDirs } from './tempDirs.ts';
import { removeOnExit, stopOnExit } from '../export/exitCleanup.ts';
import { BrowserCrashError } from '../export/errors.ts';

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
    if (child && child.exitCode === null) {
      // On our exit (Ctrl+C, SIGTERM): Chromium is killed before its profile is removed.
      const unstop = stopOnExit(() => child.kill('SIGKILL'));
      child.once('exit', () => {
        unstop();
        removeProfile();
      });
    } else removeProfile();
    return browser;
  } catch (error) {
    removeProfile();
    // One plain line: Puppeteer's text is a page of Chromium's output.
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new BrowserCrashError(`could not start ${executablePath}: ${why}`);
  }
}
