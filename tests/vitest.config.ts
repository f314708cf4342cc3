// Vitest configuration: two projects.
// - unit (tests/unit/, mirroring src/): pure functions and small temp folders,
//   run in parallel; no browser, no LibreOffice, no Vite server, so it needs
//   nothing from the system and gives feedback in seconds (npm run test:unit).
// - e2e (tests/e2e/<capability>/): real Vite builds, a real Chromium, Firefox,
//   LibreOffice, poppler; one file at a time, so browsers don't fight over 2
//   cores (npm run test:e2e).
// Each project's globalSetup checks only what that project needs from the
// system (tests/setup/prerequisites.txt) and stops that project, naming what
// is missing. npm test runs the two one after the other, so a machine without
// LibreOffice still runs every unit test.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          globalSetup: ['tests/setup/prerequisites.ts'],
          // Both cores (Vitest's default leaves one to itself, which on 2 cores is one file at a time).
          // Processes (forks), not threads: the bench's /proc tests look at their own process's tree.
          maxWorkers: 2,
          // A worker's files share its loaded modules instead of importing markdown-it, the deck and
          // typescript-eslint again per file: that halves the time. So a unit test leaves no global
          // state behind (it restores what it changes, stops what it starts).
          isolate: false,
          // Generous for a machine shared with browsers; the speed target is measured, not asserted.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/prerequisites.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // After the unit tests when both run in one process: they finish in seconds.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
