// Vitest configuration: unit tests and end-to-end tests (real Vite builds and
// a real Chromium), run one file at a time so browsers don't fight over 2 cores.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  test: {
    include: ['tests/**/*.test.ts'],
    // Stops at once, naming the package, when a system prerequisite is missing (npm run test:setup installs them).
    globalSetup: ['tests/setup/prerequisites.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
