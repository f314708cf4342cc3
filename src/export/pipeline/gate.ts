// The pipeline's doctor gate: whether what the deck doctor found on the
// laid-out slides lets an export be written. An error (overflow, a picture
// that did not load …) stops it, the last good output kept, exit 1; with
// --strict a warning does too. --force writes it anyway and says so. Findings
// are said once: repeats (the same file, line and message from two slides, as
// front-matter text can give) go.
import { DeckError } from '../../deck/model.ts';
import { formatProblem, type Problem } from '../../shared/problem.ts';
import { plural } from '../../shared/plural.ts';

/** The doctor's findings stopped the export; nothing was written. */
export class FindingsError extends DeckError {
  constructor(problems: Problem[]) {
    super(problems);
    this.name = 'FindingsError';
  }
}

/** Each finding once, in the order found. */
export function uniqueFindings(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether these findings stop an export (before --force). */
export function findingsStop(problems: Problem[], options: { strict: boolean }): boolean {
  return problems.some((p) => p.level === 'error') || (options.strict && problems.length > 0);
}

/**
 * Prints the findings and lets the export go on, or throws a FindingsError
 * (printed by the command, with the reason) when they stop it.
 */
export function gateFindings(found: Problem[], options: { strict: boolean; force: boolean }, print: (line: string) => void): void {
  const problems = uniqueFindings(found);
  const stops = findingsStop(problems, options);
  if (stops && !options.force) throw new FindingsError(problems);
  for (const p of problems) print(formatProblem(p));
  if (stops) print(`export: --force: writing it anyway, with ${forcedWhat(problems)}`);
}

/** "2 errors" or "1 error and 3 warnings". */
export function forcedWhat(problems: Problem[]): string {
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  return [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ');
}
