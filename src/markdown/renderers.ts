// What a deck's parse needs beyond markdown-it, loaded only when the deck
// uses it: Shiki with exactly the grammars its fences name, KaTeX when it has
// a formula. markdown-it renders synchronously and Shiki loads grammars
// asynchronously, so a deck is parsed to tokens once, looked at here, the
// renderers loaded, and then rendered (src/deck/parseDeck.ts): a deck with
// neither code nor formulas imports none of it.
import type { Token } from 'markdown-it';
import type { CodeHighlighter } from './code/tokens.ts';
import type { MathRenderer } from './math/formula.ts';
import { fenceOptions, isCodeFence } from './rules/code.ts';
import { isFormula } from './rules/math.ts';

export interface Renderers {
  code?: CodeHighlighter;
  math?: MathRenderer;
}

export interface Needs {
  /** The languages the deck's code fences name ('' for none). */
  langs: Set<string>;
  code: boolean;
  /** The deck has code, in a fence or inline: it carries the monospace font. */
  mono: boolean;
  math: boolean;
  /** The code of every fence and inline code span, one after the other (the monospace font's characters). */
  codeText: string;
}

/** What the parsed files need: their code fences' languages, whether any has code (the font) or a formula. */
export function needsOf(files: Token[][]): Needs {
  const needs: Needs = { langs: new Set(), code: false, mono: false, math: false, codeText: '' };
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (isCodeFence(token)) {
        needs.code = needs.mono = true;
        needs.langs.add(fenceOptions(token).lang);
        needs.codeText += token.content;
      } else if (token.type === 'code_inline') {
        needs.mono = true;
        needs.codeText += token.content;
      } else if (isFormula(token)) needs.math = true;
      if (token.children) visit(token.children);
    }
  };
  files.forEach(visit);
  return needs;
}

/** The renderers `needs` asks for, each loaded only then. */
export async function loadRenderers(needs: Needs): Promise<Renderers> {
  const [code, math] = await Promise.all([
    needs.code ? import('./code/highlighter.ts').then((m) => m.loadHighlighter(needs.langs)) : undefined,
    needs.math ? import('./math/katexRender.ts').then((m) => m.katexRenderer) : undefined,
  ]);
  return { ...(code ? { code } : {}), ...(math ? { math } : {}) };
}
