// Finds a Chrome/Chromium the way Puppeteer users expect: PUPPETEER_EXECUTABLE_PATH,
// then Puppeteer's own configuration (.puppeteerrc.cjs, its browser cache), then
// the usual places. Never downloads one. Puppeteer's configuration is read by
// Puppeteer itself, and only where there is one to read: loading Puppeteer
// (cosmiconfig, @puppeteer/browsers, a proxy agent) costs a command hundreds of
// milliseconds it does not need when Chromium is simply installed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export class BrowserNotFoundError extends Error {
  constructor() {
    super(
      'No Chrome or Chromium found. Install one (Debian/Ubuntu: apt-get install -y chromium; ' +
        'or Google Chrome), or point PUPPETEER_EXECUTABLE_PATH at its executable.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

const KNOWN = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The first folder's Puppeteer configuration files (cosmiconfig's names for 'puppeteer'), from `dir` up. */
function configFiles(dir: string): string[] {
  const named = (d: string) => {
    try {
      return readdirSync(d)
        .filter((n) => /^\.?puppeteer(rc|\.config)/.test(n))
        .map((n) => path.join(d, n));
    } catch {
      return [];
    }
  };
  const here = [...named(dir), ...named(path.join(dir, '.config'))];
  try {
    const pkg: unknown = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'puppeteer' in pkg) here.push(path.join(dir, 'package.json'));
  } catch {
    /* no package.json here */
  }
  if (here.length > 0 || path.dirname(dir) === dir) return here;
  return configFiles(path.dirname(dir));
}

/** The browser a plain CommonJS or JSON configuration names, read as cosmiconfig reads it (require). */
function namedIn(file: string): string | undefined {
  if (!/\.puppeteerrc\.(cjs|json)$/.test(file)) return undefined;
  try {
    const config: unknown = createRequire(import.meta.url)(file);
    if (typeof config === 'object' && config !== null && 'executablePath' in config && typeof config.executablePath === 'string')
      return config.executablePath;
  } catch {
    return undefined;
  }
  return undefined;
}

/** The browser Puppeteer itself would name: loads Puppeteer (synchronously, its CommonJS build). */
function puppeteersChoice(): string | undefined {
  try {
    const puppeteer = createRequire(import.meta.url)('puppeteer') as { executablePath: () => string };
    return puppeteer.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * Puppeteer's configured browser. Puppeteer is asked only when something could
 * change its answer beyond a configuration file that names the browser: its
 * environment variables, another kind of configuration, its browser cache.
 */
function configuredBrowser(): string | undefined {
  const files = configFiles(process.cwd());
  const named = files.length === 1 ? namedIn(files[0] ?? '') : undefined;
  const env = Object.keys(process.env).some((k) => k.startsWith('PUPPETEER_'));
  if (named !== undefined && !env) return named;
  if (files.length > 0 || env || existsSync(path.join(os.homedir(), '.cache', 'puppeteer'))) return puppeteersChoice();
  return undefined;
}

export function findBrowser(): string {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv !== undefined) {
    if (fromEnv && existsSync(fromEnv)) return fromEnv;
    throw new BrowserNotFoundError();
  }
  const configured = configuredBrowser();
  const found = [configured, ...KNOWN].find((p): p is string => Boolean(p) && existsSync(p as string));
  if (!found) throw new BrowserNotFoundError();
  return found;
}
