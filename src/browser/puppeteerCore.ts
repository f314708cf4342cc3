// Puppeteer without its launcher: the modules of puppeteer-core that drive a
// Chromium we start ourselves over a pipe (launch.ts). Its main entry loads
// the launcher with it, and the launcher its browser downloader, configuration
// reader and WebSocket client. Typed with the package's public types
// ('puppeteer'): the same classes, declared there in another file.
import type { Browser, ConnectOptions } from 'puppeteer';

export { TimeoutError } from 'puppeteer-core/internal/common/Errors.js';

type Transport = NonNullable<ConnectOptions['transport']>;

export interface PuppeteerCore {
  connect: (options: ConnectOptions) => Promise<Browser>;
  PipeTransport: new (write: NodeJS.WritableStream, read: NodeJS.ReadableStream) => Transport;
}

/** connect() and the pipe transport Puppeteer's own launcher uses. */
export async function loadPuppeteerCore(): Promise<PuppeteerCore> {
  const [core, pipe] = await Promise.all([
    import('puppeteer-core/internal/puppeteer-core-browser.js'),
    import('puppeteer-core/internal/node/PipeTransport.js'),
  ]);
  return { connect: core.connect, PipeTransport: pipe.PipeTransport } as unknown as PuppeteerCore;
}
