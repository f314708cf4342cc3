// @ts-check
// Starts the iur-deck command line (src/cli/main.ts) quickly. Node cannot run
// TypeScript, so the command line is compiled once by esbuild (the transform
// tsx uses) into node_modules/.cache/iur-deck/cli/<stamp>/ and compiled again
// whenever a file under src/ changes. Starting through tsx instead compiles on
// every run: about half a second and 35 MiB more for each command. If it
// cannot compile here (a read-only folder, say), it runs the sources with tsx.
// The compiled files are written with a manifest of their sizes and hashes and
// verified before each run, as every cache is (src/project/cacheManifest.ts): an
// emptied or changed file is compiled again, said in one line, and an empty
// or missing entry script is never run.
// Where the running Node has a compile cache (22.1 and later), the compiled
// command line and the packages it loads keep their V8 code cache in
// node_modules/.cache/iur-deck/v8/, so a second run skips parsing them; Node 20
// has none and runs without it.
// Plain JavaScript because it is what runs before any TypeScript can.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = path.join(ROOT, 'src');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'iur-deck', 'cli');
const ENTRY = path.join('cli', 'main.ts');
const V8_CACHE = path.join(ROOT, 'node_modules', '.cache', 'iur-deck', 'v8');

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

const MANIFEST = '.iur-manifest.json';

/** Files under `dir`, relative, '/'-separated, the manifest left out. @param {string} dir @returns {string[]} */
function filesIn(dir, base = dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesIn(file, base));
    else if (entry.name !== MANIFEST) out.push(path.relative(base, file).split(path.sep).join('/'));
  }
  return out.sort();
}

/** @param {Buffer} data */
const entryOf = (data) => ({ size: data.length, sha256: createHash('sha256').update(data).digest('hex') });

/** @param {string} dir */
function writeManifest(dir) {
  /** @type {Record<string, { size: number; sha256: string }>} */
  const files = {};
  for (const name of filesIn(dir)) files[name] = entryOf(readFileSync(path.join(dir, name)));
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify({ version: 1, files }));
}

/**
 * Why the compiled folder cannot be run, or '' when it matches its manifest.
 * @param {string} dir @param {string} main
 */
function damage(dir, main) {
  /** @type {{ version: number; files: Record<string, { size: number; sha256: string }> }} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return 'it has no manifest';
  }
  const entry = path.relative(dir, main).split(path.sep).join('/');
  if (!manifest.files?.[entry]) return `${entry} is not in its manifest`;
  for (const [name, want] of Object.entries(manifest.files)) {
    let data;
    try {
      data = readFileSync(path.join(dir, name));
    } catch {
      return `${name} is missing`;
    }
    if (data.length === 0 && want.size > 0) return `${name} is empty`;
    const got = entryOf(data);
    if (got.size !== want.size || got.sha256 !== want.sha256) return `${name} was changed`;
  }
  return '';
}

/**
 * A temporary name beside `target`, in the project's one scheme for them
 * (src/process/temporaries.ts, which this file cannot import).
 * @param {string} target
 */
function partialPath(target) {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
}

/** @param {string} outDir */
async function compile(outDir) {
  const esbuild = await import('esbuild');
  const partial = partialPath(outDir);
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
    // esbuild's service process would otherwise stay for the whole command (16–40 MiB beside
    // a present server that runs all day); it starts again if the command itself bundles.
    await esbuild.stop();
    writeManifest(partial);
    try {
      renameSync(partial, outDir);
    } catch (error) {
      // Another command compiled the same sources first: use theirs.
      if (!existsSync(outDir)) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  // Older compilations, and what killed compilations left: removed after an hour (a command
  // started from one may still be running).
  for (const name of readdirSync(CACHE)) {
    const dir = path.join(CACHE, name);
    if (name === path.basename(outDir)) continue;
    if (Date.now() - statSync(dir).mtimeMs > 60 * 60 * 1000) rmSync(dir, { recursive: true, force: true });
  }
}

/** Node's own code cache, where this Node has one (22.1+); it checks its entries itself and falls back to compiling. */
function enableCompileCache() {
  const enable = /** @type {{ enableCompileCache?: (dir: string) => unknown }} */ (/** @type {unknown} */ (module)).enableCompileCache;
  try {
    enable?.(V8_CACHE);
  } catch {
    // A read-only folder, say: run without it.
  }
}

async function start() {
  if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
  enableCompileCache();
  const outDir = path.join(CACHE, sourceStamp());
  const main = path.join(outDir, ENTRY.replace(/\.ts$/, '.js'));
  try {
    if (existsSync(outDir)) {
      const why = damage(outDir, main);
      if (why) {
        // An old compilation without a manifest is simply redone; a damaged one is said.
        if (why !== 'it has no manifest') console.error(`iur-deck: the compiled command line was damaged (${why}); compiling it again`);
        const stale = `${partialPath(outDir)}.old`;
        renameSync(outDir, stale);
        rmSync(stale, { recursive: true, force: true });
      }
    }
    if (!existsSync(main)) await compile(outDir);
    // Never run an empty or missing entry script: that would be a command that silently does nothing.
    if (damage(outDir, main)) throw new Error('the compiled command line does not match its manifest');
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
