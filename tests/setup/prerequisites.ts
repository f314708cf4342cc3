// Vitest globalSetup: before any test, every system package the tests need
// (tests/setup/prerequisites.txt, the list `npm run test:setup` installs) is
// looked for; one missing stops `npm test` at once with one line naming it,
// instead of failing test by test.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LIST = path.join(path.dirname(fileURLToPath(import.meta.url)), 'prerequisites.txt');

export interface Prerequisite {
  pkg: string;
  /** Alternatives: `command:NAME` (on PATH) or `file:PATH`. */
  checks: string[];
}

export function readPrerequisites(text = readFileSync(LIST, 'utf8')): Prerequisite[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [pkg, checks] = l.split(/\s+/);
      return { pkg, checks: (checks ?? '').split('|') };
    });
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function isInstalled(p: Prerequisite): boolean {
  if (p.pkg === 'chromium' && process.env.PUPPETEER_EXECUTABLE_PATH && existsSync(process.env.PUPPETEER_EXECUTABLE_PATH)) return true;
  return p.checks.some((c) =>
    c.startsWith('command:') ? onPath(c.slice('command:'.length)) : c.startsWith('file:') ? existsSync(c.slice('file:'.length)) : false,
  );
}

export default function setup(): void {
  const missing = readPrerequisites().filter((p) => !isInstalled(p));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg).join(' ');
  console.error(
    `npm test: missing ${names} (the tests need ${missing.length === 1 ? 'it' : 'them'}): run npm run test:setup, or apt-get install ${names}`,
  );
  process.exit(1);
}
