// The page's ready signal, read by export, check and the tests: a promise on
// window.__iurDeck and a data-deck attribute on <html> ("ready" | "error"),
// set once every diagram is drawn. On screen the first slide shows earlier:
// data-deck-shown on <html> marks that moment.
import type { RevealApi } from 'reveal.js';
import type { Problem } from '../deck/model.ts';

export interface DeckStatus {
  state: 'loading' | 'ready' | 'error';
  problems: Problem[];
  ready: Promise<DeckStatus>;
  /** The doctor on every slide at once (in the print view, where all are laid out). */
  inspectAll?: () => Problem[];
  /** The doctor on the slide on screen, all its fragments shown. */
  inspect?: () => Problem[];
  /** The smallest label of each drawn diagram on the slide on screen, in px at 1280×720 (the doctor's measure). */
  diagramLabels?: () => number[];
}

declare global {
  interface Window {
    __iurDeck?: DeckStatus;
    Reveal?: RevealApi;
  }
}

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
  import.meta.hot?.send('iur:problem', problem);
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
