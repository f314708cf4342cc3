// A slide with code steps ({1|2-3|all}) numbers its fragments itself. The
// steps are fragments with explicit indices (several lines light up at one
// step), and reveal.js puts fragments that have an index before those that
// have none: so on such a slide every fragment gets its index here, in the
// order of the Markdown, each code block's steps taking as many in a row as it
// has (step 1 on: step 0 shows at once). Slides without steps are left as
// they are. Fragments written as raw HTML are not seen.
import type { Token } from 'markdown-it';
import { fenceMeta, fenceOptions, isCodeFence } from '../markdown/rules/code.ts';

const FRAGMENT = /(^|\s)fragment(\s|$)/;

function stepsOf(token: Token): number {
  return isCodeFence(token) ? Math.max(0, fenceOptions(token).steps.length - 1) : 0;
}

/** The fragment steps a slide's code blocks add (steps after each block's first). */
export function codeSteps(tokens: Token[]): number {
  return tokens.reduce((n, t) => n + stepsOf(t), 0);
}

export function orderFragments(tokens: Token[]): void {
  if (codeSteps(tokens) === 0) return;
  let next = 0;
  const visit = (list: Token[]) => {
    for (const token of list) {
      const steps = stepsOf(token);
      if (steps > 0) {
        token.meta = { ...(token.meta as object | null), ...fenceMeta(token), fragmentBase: next };
        next += steps;
      } else if (token.nesting !== -1 && FRAGMENT.test(String(token.attrGet('class') ?? ''))) {
        const own = token.attrGet('data-fragment-index');
        if (own === null) token.attrSet('data-fragment-index', String(next++));
        else next = Math.max(next, Number(own) + 1);
      }
      if (token.children) visit(token.children);
    }
  };
  visit(tokens);
}
