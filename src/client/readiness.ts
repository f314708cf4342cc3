// The page's ready signal, read by export, check and the tests: a promise on
// window.__iurDeck and a data-deck attribute on <html> ("ready" | "error"),
// set once every diagram is drawn. On screen the first slide shows earlier:
// data-deck-shown on <html> marks that moment. What the page offers on
// window.__iurDeck is declared in src/shared/pageApi.ts.
import type { DeckStatus } from '../shared/pageApi.ts';
import { DEV_EVENT } from '../shared/devChannel.ts';
import type { Problem } from '../shared/problem.ts';

let settle: (s: DeckStatus) => void = () => {};
const status: DeckStatus = {
  state: 'loading',
  problems: [],
  ready: new Promise<DeckStatus>((resolve) => {
    settle = resolve;
  }),
};
window.__iurDeck = status;
document.documentElement.dataset.deck = 'loading';

export function addProblem(problem: Problem): void {
  status.problems.push(problem);
  const where = problem.pos.line > 0 ? `${problem.pos.file}:${problem.pos.line}` : problem.pos.file;
  console.error(`${where}: ${problem.level}: ${problem.message}`);
  import.meta.hot?.send(DEV_EVENT.problem, problem);
}

/** The first slide is on screen (in the bundled font); diagrams may still be drawing. */
export function markShown(): void {
  document.documentElement.dataset.deckShown = '';
}

export function markDone(): void {
  status.state = status.problems.some((p) => p.level === 'error') ? 'error' : 'ready';
  document.documentElement.dataset.deck = status.state;
  settle(status);
}
