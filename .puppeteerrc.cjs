// Puppeteer configuration: use a browser already on this machine and skip
// Puppeteer's own browser download when one is found (the download fails on
// machines without general internet). Otherwise Puppeteer behaves as usual.
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

const candidates = [
  process.env.PUPPETEER_EXECUTABLE_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
].filter(Boolean);

function onPath(name) {
  try {
    return execFileSync(process.platform === 'win32' ? 'where' : 'which', [name], { encoding: 'utf8' }).split(/\r?\n/)[0] || undefined;
  } catch {
    return undefined;
  }
}

const executablePath =
  candidates.find((p) => fs.existsSync(p)) ?? ['chromium', 'chromium-browser', 'google-chrome-stable'].map(onPath).find(Boolean);

module.exports = executablePath ? { executablePath, skipDownload: true } : {};
