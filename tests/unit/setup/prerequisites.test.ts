// The prerequisite check (tests/setup/prerequisites.ts): the list gives each
// Vitest project its own needs (unit: nothing from the system; e2e: the
// browsers, poppler, LibreOffice …), a line it cannot read is an error at its
// line, and a project whose package is missing is stopped with a line naming
// the project, the package and the command or file that was not there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInstalled, missingMessage, readPrerequisites, type Prerequisite } from '../../setup/prerequisites.ts';

const root = path.resolve(import.meta.dirname, '../../..');

describe('tests/setup/prerequisites.txt', () => {
  const list = readPrerequisites();
  const needs = (project: string) => list.filter((p) => p.projects.some((name) => name === project)).map((p) => p.pkg);

  it('gives the unit project nothing to need: it starts no browser and no LibreOffice', () => {
    expect(needs('unit')).toEqual([]);
  });

  it('gives the e2e project the browsers, poppler, LibreOffice (with its formulas), ImageMagick, UNO, the stand-in font, Neovim and unzip', () => {
    expect(needs('e2e')).toEqual([
      'chromium',
      'firefox-esr',
      'poppler-utils',
      'libreoffice-impress',
      'libreoffice-math',
      'imagemagick',
      'python3-uno',
      'fonts-wqy-microhei',
      'neovim',
      'unzip',
    ]);
  });

  it('installs LibreOffice without recommends, Chromium with them', () => {
    expect(list.find((p) => p.pkg === 'libreoffice-impress')).toMatchObject({ checks: ['command:soffice'], lean: true });
    expect(list.find((p) => p.pkg === 'chromium')).toMatchObject({ checks: ['file:/usr/bin/chromium', 'command:chromium'], lean: false });
  });

  it('is the list install.sh reads, columns in the same order', () => {
    const script = readFileSync(path.join(root, 'tests/setup/install.sh'), 'utf8');
    expect(script).toContain('while read -r pkg check _projects how; do');
    expect(script).toContain('done < tests/setup/prerequisites.txt');
  });
});

describe('reading a list', () => {
  it('reads the columns, several projects, and skips comments and blank lines', () => {
    const text = '# comment\n\nsome-pkg   command:a|file:/b   unit,e2e   lean\nother      command:c           e2e\n';
    expect(readPrerequisites(text)).toEqual([
      { pkg: 'some-pkg', checks: ['command:a', 'file:/b'], projects: ['unit', 'e2e'], lean: true },
      { pkg: 'other', checks: ['command:c'], projects: ['e2e'], lean: false },
    ]);
  });

  it('refuses an unknown project, a line without projects and a bad check, at the line', () => {
    expect(() => readPrerequisites('\npkg command:x e2f\n', 'list.txt')).toThrow(
      'list.txt:2: pkg: "e2f" is not a test project (unit, e2e, comma-separated)',
    );
    expect(() => readPrerequisites('pkg command:x\n', 'list.txt')).toThrow('list.txt:1: pkg: "" is not a test project');
    expect(() => readPrerequisites('pkg soffice e2e\n', 'list.txt')).toThrow('list.txt:1: pkg: "soffice" is not command:NAME or file:PATH');
    expect(() => readPrerequisites('pkg command:x e2e slim\n', 'list.txt')).toThrow('list.txt:1: pkg: only "lean" may follow the projects');
  });
});

describe('a missing package', () => {
  const list: Prerequisite[] = [
    { pkg: 'no-such-pkg', checks: ['command:iur-no-such-command', 'file:/iur/no/such/file'], projects: ['e2e'], lean: false },
    { pkg: 'also-missing', checks: ['command:iur-also-missing'], projects: ['e2e'], lean: true },
    { pkg: 'here', checks: ['command:sh'], projects: ['unit', 'e2e'], lean: false },
  ];

  it('is found missing by its commands and files on this machine; one that is here is not', () => {
    expect(list.map(isInstalled)).toEqual([false, false, true]);
  });

  it('stops only the projects that need it, naming the project, the package and the command looked for', () => {
    expect(missingMessage('unit', list)).toBeUndefined();
    expect(missingMessage('e2e', list)).toBe(
      'the e2e tests need no-such-pkg (no command iur-no-such-command or file /iur/no/such/file), also-missing (no command iur-also-missing): ' +
        'run npm run test:setup, or apt-get install no-such-pkg also-missing',
    );
  });

  it('is named when a real entry of the list is missing', () => {
    const soffice = readPrerequisites().filter((p) => p.pkg === 'libreoffice-impress');
    expect(missingMessage('e2e', soffice, () => false)).toBe(
      'the e2e tests need libreoffice-impress (no command soffice): run npm run test:setup, or apt-get install libreoffice-impress',
    );
    expect(missingMessage('unit', soffice, () => false)).toBeUndefined();
  });
});
