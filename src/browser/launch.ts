// Launches headless Chromium for export, check and tests, with the flags this
// closed network needs and fewer processes; keeps Chromium's sandbox unless
// running as root. Chromium talks to us over a pipe, so it exits when this
// process dies, however it dies (SIGKILL, the OOM killer); its profile is a
// temporary folder of ours, removed when it closes, when we exit, or by the
// next command if we were killed (src/process/temporaries.ts).
// We start Chromium ourselves and hand Puppeteer the pipe (its connect(), from
// the entry without a launcher): Puppeteer's launcher loads its browser
// downloader, configuration reader and WebSocket client, about a third of a
// second of module loading on every export and check.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import type { Browser, ConnectionTransport } from 'puppeteer';
import { loadPuppeteerCore } from './puppeteerCore.ts';
import { chromiumArgs } from './chromiumArgs.ts';
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
  // pages are still drawn, by the renderer). Merged with Puppeteer's feature
  // lists (chromiumArgs.ts).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
  '--enable-features=NetworkServiceInProcess2',
  '--disable-software-rasterizer',
];

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

/**
 * close() over a connection only asks Chromium to quit; as after Puppeteer's
 * launch(), it now returns once Chromium has exited (killed if it has not in 5 s).
 */
function closeWithProcess(browser: Browser, child: ChildProcess): void {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close().catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), 5000);
    });
    if (await Promise.race([exited.then(() => false), late])) child.kill('SIGKILL');
    clearTimeout(timer);
    await exited;
  };
}

export async function launchBrowser(options: { executablePath?: string; timeout?: number } = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? findBrowser();
  const timeout = options.timeout ?? 30_000;
  // Its modules load while Chromium starts.
  const puppeteer = loadPuppeteerCore();
  puppeteer.catch(() => {});
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
  const args = chromiumArgs(profile, isRoot() ? ['--no-sandbox', ...BROWSER_ARGS] : BROWSER_ARGS);
  // Its own process group, as Puppeteer starts it: Ctrl+C reaches us, and we end it.
  const child = spawn(executablePath, args, {
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  // Read, or Chromium blocks once the pipe is full; the last lines say why it failed to start.
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-4000);
  });
  // On our exit (Ctrl+C, SIGTERM): Chromium is killed, and has ended, before its profile is removed.
  const unstop = stopOnExit(() => {
    const pid = child.pid;
    if (pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
    } catch {
      return;
    }
    waitForDeath(pid, 2000);
  });
  const exited = new Promise<never>((_, reject) => {
    const fail = (why: string) => reject(new Error(`${why}${log.trim() ? `: ${log.trim().split('\n').pop() ?? ''}` : ''}`));
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${String(code)}`}) while starting`));
  });
  exited.catch(() => {});
  // Once Chromium has exited: until then it may still write to its profile.
  child.once('exit', () => {
    unstop();
    removeProfile();
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not answer within ${timeout} ms`)), timeout);
  });
  let transport: ConnectionTransport | undefined;
  try {
    const { connect, PipeTransport } = await puppeteer;
    const [, , , write, read] = child.stdio;
    if (!(write instanceof Writable) || !(read instanceof Readable)) throw new Error('it has no DevTools pipe');
    transport = new PipeTransport(write, read);
    const browser = await Promise.race([connect({ transport, defaultViewport: { width: 1280, height: 720 } }), exited, late]);
    // Puppeteer's launch() waits for the first tab too: printing uses it.
    await Promise.race([browser.waitForTarget((t) => String(t.type()) === 'page', { timeout }), exited, late]);
    closeWithProcess(browser, child);
    return browser;
  } catch (error) {
    child.kill('SIGKILL');
    // Closed, so Puppeteer drops its waiting commands (and their timers), and
    // neither they nor the pipes keep this process alive after the command.
    // (Its pipe may have closed before the transport was there to see it.)
    const dropWaiting = transport?.onclose;
    transport?.close();
    dropWaiting?.();
    for (const stream of child.stdio) stream?.destroy();
    // One plain line: Chromium's output is a page.
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new BrowserCrashError(`could not start ${executablePath}: ${why}`);
  } finally {
    clearTimeout(timer);
  }
}
