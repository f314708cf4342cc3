// Entry point of the Node side: reads a slides folder and returns the Deck
// model with its problems. Read-only: sources are never written.
import path from 'node:path';
import type { MarkdownIt } from 'markdown-it';
import { createMarkdown } from '../markdown/createMarkdown.ts';
import { loadPhraseCache, savePhraseCache } from '../markdown/phraseCache.ts';
import { displayPath, readSources } from '../project/readSources.ts';
import { readRehearsal, rehearsalPath } from '../rehearsal/rehearsalFile.ts';
import { slideIds } from '../rehearsal/slideIds.ts';
import { annotationsPath, readAnnotations } from '../annotations/annotationsFile.ts';
import { parseFiles, renderDeck, type ParseOptions, type ParseResult } from './parseDeck.ts';
import { loadRenderers, needsOf } from '../markdown/renderers.ts';
import type { Problem } from '../shared/problem.ts';
import { deckRoots } from '../project/contain.ts';
import { resolveTheme, themeLine } from './theme.ts';

let shared: MarkdownIt | undefined;

export interface LoadOptions extends ParseOptions {
  /** Files being edited (absolute path → text): read instead of the disk (src/project/readSources.ts). */
  texts?: ReadonlyMap<string, string>;
}

export async function loadDeck(slidesDir: string, options: LoadOptions = {}): Promise<ParseResult> {
  const { texts, ...parse } = options;
  const readProblems: Problem[] = [];
  const dir = path.resolve(slidesDir);
  const sources = await readSources(dir, readProblems, texts);
  shared ??= createMarkdown();
  const roots = deckRoots(dir);
  await loadPhraseCache();
  // Parsed once to tokens; Shiki and KaTeX are loaded only if the tokens ask for them, then rendered.
  const files = parseFiles(sources, shared, { roots, ...parse });
  // Written beside the rest of the work, not before it (src/markdown/phraseCache.ts).
  void savePhraseCache();
  const needs = needsOf(files.map((f) => f.tokens));
  const renderers = await loadRenderers(needs);
  const result = renderDeck(files, shared, { roots, ...parse, renderers }, needs);
  result.problems.unshift(...readProblems);
  if (sources.length > 0) {
    const at = { file: sources[0].file, line: themeLine(sources[0].text) };
    const theme = resolveTheme(result.deck.meta.theme, roots, at);
    result.deck.themeFile = theme.file;
    result.problems.push(...theme.problems);
  }
  // The last rehearsal's time per slide (not a slide: the sources are *.md only).
  const rehearsal = await readRehearsal(slidesDir, displayPath(rehearsalPath(slidesDir)), result.problems);
  const ids = slideIds(result.deck.slides);
  if (rehearsal) {
    result.deck.slides.forEach((slide, i) => {
      const seconds = rehearsal.slides[ids[i]];
      if (seconds !== undefined) slide.timing = seconds;
    });
  }
  // The pen's drawings (src/annotations/): shown by the deck, printed with --annotations.
  result.deck.annotations = await readAnnotations(slidesDir, displayPath(annotationsPath(slidesDir)), ids, result.problems);
  return result;
}

export function errorsOf(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.level === 'error');
}
