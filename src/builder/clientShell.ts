// The client shell: reveal.js, the theme, Mermaid and our browser code, built
// by Vite into an index.html with marks where a deck goes. It depends on the
// code, the theme and the lock file — not on the slides — so it is built once
// and cached; every later build, export and check only renders the deck into
// it (src/render/pageHtml.ts), which takes milliseconds instead of seconds.
// It is written with a manifest of its files and verified on every use: a
// damaged shell (an emptied script, an emptied index.html) is built again.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, rename, rm, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_DIR, PROJECT_ROOT } from '../project/paths.ts';
import { chunksToKeep } from '../vite/mermaidTrim.ts';
import { partialPath, removeStalePartials } from '../process/temporaries.ts';
import { sayRebuilt, verifyFolder, writeFolderManifest } from '../project/cacheManifest.ts';

export interface ShellOptions {
  /** The theme's CSS file, checked by src/deck/theme.ts. */
  themeFile: string;
  /** One self-contained index.html (vite-plugin-singlefile). */
  single: boolean;
  /** Mermaid sources of the deck: the shell keeps only the diagram types they use. */
  diagrams: string[];
}

const CACHE = path.join(CACHE_DIR, 'client');
/** Bump when the shell's layout changes in a way the inputs below don't show. */
const SHELL_VERSION = 1;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out.sort();
}

/** Everything the shell is made from. */
async function shellKey(options: ShellOptions, themeFile: string): Promise<string> {
  const hash = createHash('sha256').update(`v${SHELL_VERSION}\n`);
  const inputs = [
    ...(await filesUnder(path.join(PROJECT_ROOT, 'src/client'))),
    ...(await filesUnder(path.join(PROJECT_ROOT, 'src/vite'))),
    path.join(PROJECT_ROOT, 'package-lock.json'),
    themeFile,
  ];
  for (const file of inputs)
    hash
      .update(path.relative(PROJECT_ROOT, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  // What the shell keeps of Mermaid (src/vite/mermaidTrim.ts), exactly.
  hash.update(JSON.stringify({ single: options.single, mermaid: [...(chunksToKeep(options.diagrams) ?? ['*'])].sort() }));
  return hash.digest('hex').slice(0, 20);
}

/** The folder of the cached shell when it is there and whole; undefined when it would have to be built. */
export async function cachedShell(options: ShellOptions): Promise<string | undefined> {
  const dir = path.join(CACHE, await shellKey(options, options.themeFile));
  return existsSync(dir) && (await verifyFolder(dir)).ok ? dir : undefined;
}

/** The folder holding the built shell (index.html and assets/), building it if needed. */
export async function clientShell(options: ShellOptions): Promise<string> {
  const { themeFile } = options;
  const dir = path.join(CACHE, await shellKey(options, themeFile));
  // A cached shell is used only if it matches its manifest (src/project/cacheManifest.ts).
  if (existsSync(dir)) {
    const verdict = await verifyFolder(dir);
    if (verdict.ok) return dir;
    if (verdict.damaged) sayRebuilt(`client shell (${path.basename(dir)})`, verdict.why);
    // Out of the way first: a command still reading the old one keeps its files.
    const stale = `${partialPath(dir)}.old`;
    await rename(dir, stale).catch(() => {});
    await rm(stale, { recursive: true, force: true });
  }
  removeStalePartials(dir); // what a killed build of this shell left
  const partial = partialPath(dir);
  await mkdir(CACHE, { recursive: true });
  try {
    // Vite is loaded only when the shell must be built: a warm build never needs it.
    const [{ build }, { shellViteConfig }] = await Promise.all([import('vite'), import('../vite/config.ts')]);
    await build(shellViteConfig({ outDir: partial, single: options.single, themeFile, diagrams: options.diagrams }));
    await writeFolderManifest(partial);
    await rename(partial, dir).catch(async (error: unknown) => {
      // Another process finished the same shell first: theirs is as good.
      if (!existsSync(path.join(dir, 'index.html')) || !(await verifyFolder(dir)).ok) throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return dir;
}
