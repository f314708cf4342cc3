// The phrase breaks of earlier runs, kept on disk. Finding a heading's phrases
// needs BudouX's model and ICU's Chinese dictionary (Intl.Segmenter): about
// 0.15 s of CPU at every start of build, check, export and dev, for the same
// headings each time. The texts and their phrases are kept in the cache
// folder, verified like every cache entry (src/project/cacheManifest.ts), in a
// file named for what decides the breaks (this rule's version, BudouX's, and
// the ICU of this Node), so a change of any of them starts afresh.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_DIR } from '../project/paths.ts';
import { readVerifiedFile, sayRebuilt, writeVerifiedFile } from '../project/cacheManifest.ts';
import { budouxVersion } from './budouxParser.ts';
import { addPhrases, knownPhrases } from './rules/phraseBreaks.ts';

/** Raised when phraseBreaks.ts changes how it cuts a text. */
const RULE_VERSION = 1;

let file: string | undefined;
let loaded: Promise<void> | undefined;
/** How many parsed phrases the file already holds. */
let written = 0;

function cacheFile(): string {
  if (file) return file;
  const key = createHash('sha256')
    .update(`${RULE_VERSION}\0${budouxVersion()}\0${process.versions.icu ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  file = path.join(CACHE_DIR, 'phrases', `${key}.json`);
  return file;
}

/** Reads the kept phrases once per process; a missing or damaged file is an empty cache. */
export function loadPhraseCache(): Promise<void> {
  loaded ??= (async () => {
    const read = await readVerifiedFile(cacheFile()).catch(() => undefined);
    if (read && !read.data && read.damaged) sayRebuilt(`phrase breaks ${path.basename(cacheFile())}`, read.why);
    if (!read?.data) return;
    try {
      addPhrases(JSON.parse(read.data.toString('utf8')) as unknown);
    } catch {
      // Not JSON: an empty cache; the next save writes a whole file.
    }
  })();
  return loaded;
}

/** The write under way, if any: writes follow one another, never overlap. */
let writing: Promise<void> = Promise.resolve();

/**
 * Writes the phrases back when this run found new ones, after any write under way; a cache that
 * cannot be written is no error. The caller need not wait: a parse (the language server's, on
 * every keystroke) goes on while the file is written.
 */
export function savePhraseCache(): Promise<void> {
  const { parsed } = knownPhrases();
  if (parsed === written) return writing;
  written = parsed;
  const target = cacheFile();
  writing = writing
    .then(() => mkdir(path.dirname(target), { recursive: true }))
    .then(() => writeVerifiedFile(target, JSON.stringify(knownPhrases().entries)))
    .catch(() => undefined);
  return writing;
}
