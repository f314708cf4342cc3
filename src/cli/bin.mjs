// @ts-check
// Starts the iur-deck command line (src/cli/main.ts) quickly. Node cannot run
// TypeScript, so the command line is compiled once by esbuild (the transform
// tsx uses) into node_modules/.cache/iur-deck/cli/<stamp>/ and compiled again
// whenever a file under src/ changes. Starting through tsx instead compiles on
// every run: about half a second and 35 MiB more for each command. If it
// cannot compile here (a read-only folder, say), it runs the sources with tsx.
// Plain JavaScript because it is what runs before any TypeScript can.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = path.join(ROOT, 'src');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'iur-deck', 'cli');
const ENTRY = path.join('cli', 'main.ts');

/** Names, sizes and modification times of every file under src/: changes when any source does. */
function sourceStamp() {
  const hash = createHash('sha256').update(`${process.version}\n`);
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const s = statSync(file);
        hash.update(`${path.relative(SRC, file)}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(SRC);
  return hash.digest('hex').slice(0, 16);
}

/** @param {string} outDir */
async function compile(outDir) {
  const esbuild = await import('esbuild');
  const partial = `${outDir}.partial-${process.pid}`;
  try {
    await esbuild.build({
      entryPoints: [path.join(SRC, ENTRY)],
      outbase: SRC,
      outdir: partial,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      logLevel: 'silent',
    });
    try {
      renameSync(partial, outDir);
    } catch (error) {
      // Another command compiled the same sources first: use theirs.
      if (!existsSync(outDir)) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  // Older compilations: removed after an hour (a command started from one may still be running).
  for (const name of readdirSync(CACHE)) {
    const dir = path.join(CACHE, name);
    if (name === path.basename(outDir) || name.includes('.partial-')) continue;
    if (Date.now() - statSync(dir).mtimeMs > 60 * 60 * 1000) rmSync(dir, { recursive: true, force: true });
  }
}

async function start() {
  if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
  const outDir = path.join(CACHE, sourceStamp());
  const main = path.join(outDir, ENTRY.replace(/\.ts$/, '.js'));
  try {
    if (!existsSync(main)) await compile(outDir);
  } catch {
    // Not compiled: tsx runs the sources (and reports any error in them with its place).
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(path.join(SRC, ENTRY)).href);
    return;
  }
  await import(pathToFileURL(main).href);
}

await start();
