// Vitest globalSetup of each project: before its tests, every system package
// that project needs (tests/setup/prerequisites.txt, the list `npm run
// test:setup` installs) is looked for; one missing stops that project at once
// with one line naming the project, the package and what was looked for,
// instead of failing test by test. The unit project needs nothing from the
// list, so a machine without Firefox or LibreOffice still runs it.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const LIST = path.join(path.dirname(fileURLToPath(import.meta.url)), 'prerequisites.txt');

/** The Vitest projects of tests/vitest.config.ts. */
export const PROJECTS = ['unit', 'e2e'] as const;
export type ProjectName = (typeof PROJECTS)[number];

export interface Prerequisite {
  pkg: string;
  /** Alternatives: `command:NAME` (on PATH) or `file:PATH`. */
  checks: string[];
  /** The projects that need it. */
  projects: ProjectName[];
  /** Installed without recommends. */
  lean: boolean;
}

const isProject = (name: string): name is ProjectName => (PROJECTS as readonly string[]).includes(name);

/** The list, one package a line: `pkg checks projects [lean]`; a line it cannot read is an error naming it. */
export function readPrerequisites(text = readFileSync(LIST, 'utf8'), file = 'tests/setup/prerequisites.txt'): Prerequisite[] {
  return text.split('\n').flatMap((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return [];
    const [pkg, checks = '', projects = '', how, ...rest] = line.split(/\s+/);
    const where = `${file}:${i + 1}`;
    const checkList = checks.split('|');
    if (checkList.some((c) => !/^(command|file):./.test(c)))
      throw new Error(`${where}: ${pkg}: "${checks}" is not command:NAME or file:PATH (| between alternatives)`);
    const names = projects.split(',');
    const unknown = names.filter((n) => !isProject(n));
    if (unknown.length > 0)
      throw new Error(`${where}: ${pkg}: "${unknown.join(',')}" is not a test project (${PROJECTS.join(', ')}, comma-separated)`);
    if ((how !== undefined && how !== 'lean') || rest.length > 0) throw new Error(`${where}: ${pkg}: only "lean" may follow the projects`);
    return [{ pkg, checks: checkList, projects: names.filter(isProject), lean: how === 'lean' }];
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
  return p.checks.some((c) => (c.startsWith('command:') ? onPath(c.slice('command:'.length)) : existsSync(c.slice('file:'.length))));
}

/** What was looked for, in words: `command firefox-esr or command firefox`. */
export function lookedFor(p: Prerequisite): string {
  return p.checks.map((c) => c.replace(':', ' ')).join(' or ');
}

/**
 * Why `project` cannot run here, in one line (undefined when it can): each
 * missing package with what was looked for, and how to install them.
 */
export function missingMessage(project: string, list: Prerequisite[], installed = isInstalled): string | undefined {
  const missing = list.filter((p) => p.projects.some((name) => name === project) && !installed(p));
  if (missing.length === 0) return undefined;
  const names = missing.map((p) => p.pkg).join(' ');
  const what = missing.map((p) => `${p.pkg} (no ${lookedFor(p)})`).join(', ');
  return `the ${project} tests need ${what}: run npm run test:setup, or apt-get install ${names}`;
}

export default function setup(project: TestProject): void {
  const message = missingMessage(project.name, readPrerequisites());
  if (message === undefined) return;
  // One plain line rather than a stack trace: the fix is an install, not a code change.
  console.error(`npm test: ${message}`);
  process.exit(1);
}
