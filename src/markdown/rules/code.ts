// Code fences (every fence but ```mermaid): the language and our brace groups
// ({lineNumbers}, {2,4-5}, {1|2-3|all}) are read before markdown-it-attrs
// would take the braces as attributes; the block renders highlighted by the
// parse's highlighter (Shiki, src/markdown/code/highlighter.ts, loaded only
// for a deck that has code) as src/markdown/code/codeHtml.ts lays it out. An
// unknown language is a warning at the fence's line (the code is shown
// uncoloured), and so are marked lines the block does not have.
import type { MarkdownIt, Token } from 'markdown-it';
import { closestNames } from '../closestNames.ts';
import { codeBlockHtml } from '../code/codeHtml.ts';
import { readFence, takeOwnGroups, type FenceOptions } from '../code/fenceInfo.ts';
import type { CodeToken } from '../code/tokens.ts';
import { envOf, report } from '../env.ts';
import { isMermaid } from './mermaid.ts';

/** A code fence (not a diagram). */
export function isCodeFence(token: Token): boolean {
  return token.type === 'fence' && !isMermaid(token.info);
}

/** The fence's code without markdown-it's closing newline. */
export function fenceCode(token: Token): string {
  return token.content.replace(/\n$/, '');
}

interface FenceMeta {
  groups: string[];
  /** reveal.js fragment index of the block's step 1 (set per slide by src/deck/fragmentOrder.ts). */
  fragmentBase?: number;
}

export function fenceMeta(token: Token): FenceMeta {
  const meta = token.meta as Partial<FenceMeta> | null;
  return { groups: meta?.groups ?? [], fragmentBase: meta?.fragmentBase };
}

/** The fence's options (language, line numbers, steps). */
export function fenceOptions(token: Token): FenceOptions {
  return readFence(token.info, fenceMeta(token).groups, fenceCode(token).split('\n').length);
}

function plainTokens(code: string): CodeToken[][] {
  return code.split('\n').map((line) => [{ text: line, colour: 'var(--code-foreground, currentColor)', fontStyle: 0 }]);
}

export function codePlugin(md: MarkdownIt): void {
  md.core.ruler.before('curly_attributes', 'iur_code_fence_info', (state) => {
    for (const token of state.tokens) {
      if (!isCodeFence(token)) continue;
      const { rest, groups } = takeOwnGroups(token.info);
      token.info = rest;
      token.meta = { ...(token.meta as object | null), groups } satisfies FenceMeta;
    }
  });
  const previous = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, rawEnv, self) => {
    const token = tokens[idx];
    if (!isCodeFence(token)) return previous ? previous(tokens, idx, options, rawEnv, self) : self.renderToken(tokens, idx, options);
    const env = envOf({ env: rawEnv });
    const line0 = token.map?.[0] ?? 0;
    const fence = fenceOptions(token);
    const highlighter = env?.code;
    if (env) {
      for (const problem of fence.problems) report(env, line0, `code block: ${problem}`, 'warning');
      if (highlighter && !highlighter.known(fence.lang)) {
        const near = closestNames(fence.lang, highlighter.names()).join(', ');
        report(env, line0, `unknown code language "${fence.lang}": shown uncoloured (did you mean ${near}?)`, 'warning');
      }
    }
    const code = fenceCode(token);
    return codeBlockHtml({
      lang: fence.lang,
      line: line0 + 1,
      lines: highlighter ? highlighter.tokens(code, fence.lang) : plainTokens(code),
      lineNumbers: fence.lineNumbers,
      steps: fence.steps,
      fragmentBase: fenceMeta(token).fragmentBase ?? 0,
    });
  };
}
