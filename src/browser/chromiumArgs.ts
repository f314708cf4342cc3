// Chromium's command line for a headless page we drive over a pipe: the flags
// Puppeteer's launcher gives it (puppeteer-core 24, ChromeLauncher.defaultArgs,
// for a headless Chrome without extensions), then ours, with the two feature
// lists merged as Puppeteer merges them. We start Chromium ourselves because
// Puppeteer's launcher loads its browser downloader, configuration reader and
// WebSocket client, which a pipe needs none of.

/** Puppeteer's default flags, less the two feature lists (merged below). */
const PUPPETEER_DEFAULTS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
];
const PUPPETEER_DISABLED = [
  'Translate',
  'AcceptCHFrame',
  'MediaRouter',
  'OptimizationHints',
  'WebUIReloadButton',
  'ProcessPerSiteUpToMainFrameThreshold',
  'IsolateSandboxedIframes',
];
const PUPPETEER_ENABLED = ['PdfOopif'];

/** The comma-separated values of every `flag=` in `args`. */
function features(flag: string, args: readonly string[]): string[] {
  return args.filter((a) => a.startsWith(`${flag}=`)).flatMap((a) => a.slice(flag.length + 1).split(','));
}

/** The whole command line: Puppeteer's defaults, a headless pipe-driven browser on `profile`, then `extra`. */
export function chromiumArgs(profile: string, extra: readonly string[]): string[] {
  const rest = extra.filter((a) => !a.startsWith('--disable-features=') && !a.startsWith('--enable-features='));
  const disabled = [...PUPPETEER_DISABLED, ...features('--disable-features', extra)].filter(Boolean);
  const enabled = [...PUPPETEER_ENABLED, ...features('--enable-features', extra)].filter(Boolean);
  return [
    ...PUPPETEER_DEFAULTS,
    `--disable-features=${disabled.join(',')}`,
    `--enable-features=${enabled.join(',')}`,
    `--user-data-dir=${profile}`,
    '--headless=new',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    'about:blank',
    ...rest,
    '--remote-debugging-pipe',
  ];
}
