// Checks every Mermaid diagram of the deck with mermaid.parse() in a worker
// thread (src/diagrams/parseWorker.mjs), so a diagram that does not parse is
// a `file:line` error at build time and in dev, before any browser sees it.
// Sources that parsed before (same text, same Mermaid) are not parsed again.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagram } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';
import { diagramKey, knownGood, saveKnownGood } from './goodDiagrams.ts';
import { PROJECT_ROOT } from '../project/paths.ts';
import { describeMermaidError, diagramLines, type MermaidErrorFacts } from '../shared/mermaidError.ts';

interface Result {
  id: number;
  ok: boolean;
  facts?: MermaidErrorFacts;
}

let worker: Promise<Worker> | undefined;

function startWorker(): Promise<Worker> {
  worker ??= new Promise<Worker>((resolve, reject) => {
    // From the project root: this module may run compiled elsewhere (src/cli/bin.mjs).
    const w = new Worker(path.join(PROJECT_ROOT, 'src', 'diagrams', 'parseWorker.mjs'));
    w.unref();
    w.once('message', () => resolve(w));
    w.once('error', (error) => {
      worker = undefined;
      reject(error);
    });
  });
  return worker;
}

/** Starts the worker early (it imports Mermaid, which takes a moment). */
export function warmUpDiagramCheck(): void {
  startWorker().catch(() => {});
}

export async function stopDiagramCheck(): Promise<void> {
  const w = await worker?.catch(() => undefined);
  worker = undefined;
  await w?.terminate();
}

export async function validateDiagrams(all: Diagram[]): Promise<Problem[]> {
  const known = await knownGood();
  const diagrams = all.filter((d) => !known.has(diagramKey(d.code)));
  if (diagrams.length === 0) return [];
  const w = await startWorker();
  const results = await new Promise<Result[]>((resolve, reject) => {
    // Both listeners go once either is called: a long-lived caller (the language server) asks many times.
    const onMessage = (r: Result[]) => {
      w.off('error', onError);
      resolve(r);
    };
    const onError = (error: Error) => {
      w.off('message', onMessage);
      reject(error);
    };
    w.once('message', onMessage);
    w.once('error', onError);
    w.postMessage(diagrams.map((d, id) => ({ id, code: d.code })));
  });
  for (const r of results) if (r.ok) known.add(diagramKey(diagrams[r.id].code));
  await saveKnownGood(known);
  return results
    .filter((r) => !r.ok)
    .map((r) => {
      const d = diagrams[r.id];
      const { line, message } = describeMermaidError(r.facts ?? { message: 'syntax error' }, diagramLines(d.code));
      return {
        pos: { file: d.pos.file, line: d.pos.line + line },
        level: 'error' as const,
        message: `Mermaid diagram does not parse: ${message}`,
      };
    });
}
