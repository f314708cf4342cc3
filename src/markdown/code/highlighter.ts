// Shiki, for a deck that has code: loaded by src/markdown/renderers.ts only
// when a fence needs it, with exactly the grammars the deck's fences name
// (each a dynamic import of @shikijs/langs), so a deck without code loads none
// of it. The Oniguruma engine (Shiki's reference; its JavaScript engine
// mis-reads TypeScript type annotations). The theme is Shiki's CSS-variables
// theme: each token's colour is `var(--code-token-…, default)`, so the deck's
// theme CSS sets the palette (themes/institute.css) and a theme that sets
// none gets these calm defaults.
import { createCssVariablesTheme, createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { bundledLanguages, bundledLanguagesInfo } from 'shiki/langs';
import type { CodeHighlighter, CodeToken } from './tokens.ts';

const THEME_NAME = 'iur-deck';

/** The palette when a theme sets none: institute's text, blue and red, a muted green and grey. */
const DEFAULTS: Record<string, string> = {
  foreground: '#1d232b',
  background: '#f3f6fa',
  'token-keyword': '#1b3d6e',
  'token-string': '#2e6b38',
  'token-string-expression': '#2e6b38',
  'token-comment': '#5f6873',
  'token-constant': '#a3302b',
  'token-function': '#7c4a03',
  'token-parameter': '#3d4a5c',
  'token-punctuation': '#4a5260',
  'token-link': '#1b3d6e',
};

const theme = createCssVariablesTheme({ name: THEME_NAME, variablePrefix: '--code-', variableDefaults: DEFAULTS, fontStyle: true });

/** Fences that ask for no highlighting. */
const PLAIN = new Set(['', 'text', 'txt', 'plain', 'plaintext']);

let core: Promise<HighlighterCore> | undefined;

/** Every language name Shiki knows, ids and aliases. */
export function languageNames(): string[] {
  return bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])]);
}

function isKnown(lang: string): lang is keyof typeof bundledLanguages {
  return Object.hasOwn(bundledLanguages, lang);
}

/** A highlighter with the grammars of `langs` loaded (unknown names are skipped: the fence says so). */
export async function loadHighlighter(langs: Iterable<string>): Promise<CodeHighlighter> {
  core ??= createHighlighterCore({ engine: createOnigurumaEngine(import('shiki/wasm')), themes: [theme], langs: [] });
  const highlighter = await core;
  const wanted = [...new Set(langs)].filter((l) => isKnown(l) && !highlighter.getLoadedLanguages().includes(l));
  for (const lang of wanted) if (isKnown(lang)) await highlighter.loadLanguage(bundledLanguages[lang]);
  return {
    known: (lang) => PLAIN.has(lang) || isKnown(lang),
    names: languageNames,
    tokens(code, lang): CodeToken[][] {
      const plain = PLAIN.has(lang) || !isKnown(lang);
      // No time limit per line: past Shiki's default 0.5 s (a busy machine, the grammar's first line) it stops
      // mid-line and carries that state on, so a comment would swallow the lines after it.
      const result = highlighter.codeToTokens(code, { lang: plain ? 'text' : lang, theme: THEME_NAME, tokenizeTimeLimit: 0 });
      return result.tokens.map((line) =>
        line.map((t) => ({ text: t.content, colour: t.color ?? result.fg ?? '', fontStyle: t.fontStyle ?? 0 })),
      );
    },
  };
}
