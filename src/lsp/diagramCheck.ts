// Mermaid syntax errors while typing: the deck's own check
// (src/diagrams/validateDiagrams.ts, mermaid.parse in a worker), asked only
// for the diagram sources it has not seen, its answers kept by source (a
// diagram that does not parse is not parsed again on every keystroke
// elsewhere). The worker (Mermaid and a DOM, tens of MiB) stops when no new
// diagram came for a while.
import type { Diagram } from '../deck/model.ts';
import { stopDiagramCheck, validateDiagrams } from '../diagrams/validateDiagrams.ts';
import type { Problem } from '../shared/problem.ts';

/** Diagram source → its problems, lines counted from the fence (0: the fence line). */
const answers = new Map<string, Problem[]>();
const KEEP = 500;
const IDLE_MS = 30_000;
let idle: NodeJS.Timeout | undefined;
/** The worker answers one question at a time (two decks may ask at once). */
let queue: Promise<unknown> = Promise.resolve();

/** Asks the worker about the sources not seen yet, all at once. */
async function ask(codes: string[]): Promise<void> {
  const asked = queue.then(() => validateDiagrams(codes.map((code, i) => ({ pos: { file: String(i), line: 0 }, code }))));
  queue = asked.catch(() => {});
  const found = await asked;
  for (const [i, code] of codes.entries()) {
    if (answers.size >= KEEP) answers.delete(answers.keys().next().value ?? '');
    answers.set(
      code,
      found.filter((p) => p.pos.file === String(i)),
    );
  }
  clearTimeout(idle);
  idle = setTimeout(() => void stopDiagramCheck(), IDLE_MS);
  idle.unref();
}

/** What Mermaid says of each diagram, at its line in its file. */
export async function diagramProblems(diagrams: Diagram[]): Promise<Problem[]> {
  const unseen = [...new Set(diagrams.map((d) => d.code).filter((code) => !answers.has(code)))];
  if (unseen.length > 0) await ask(unseen);
  return diagrams.flatMap((d) =>
    (answers.get(d.code) ?? []).map((p) => ({ ...p, pos: { file: d.pos.file, line: d.pos.line + p.pos.line } })),
  );
}
