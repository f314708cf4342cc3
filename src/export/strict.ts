// `export --strict`: a deck with any problem, warnings included (from the
// sources or from the doctor on the laid-out slides), is not exported.
import { DeckError } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';

export function refuseWarnings(problems: Problem[]): void {
  if (problems.length > 0) throw new DeckError(problems);
}
