// @ts-check
// Worker thread that checks Mermaid diagrams with mermaid.parse() in Node.
// Mermaid needs a DOM (DOMPurify); happy-dom provides one here, inside the
// worker, so no browser globals leak into the build's own process.
// Plain JavaScript: a worker file must load without the TypeScript loader.
import { parentPort } from 'node:worker_threads';
import { Window } from 'happy-dom';

const win = new Window();
Object.assign(globalThis, { window: win, document: win.document });
const mermaid = (await import('mermaid')).default;

/** @typedef {{ id: number, code: string }} Job */
/** @typedef {import('../shared/mermaidError.ts').MermaidErrorFacts} Facts */
/** @typedef {{ id: number, ok: boolean, facts?: Facts }} Result */

parentPort?.on('message', async (/** @type {Job[]} */ jobs) => {
  /** @type {Result[]} */
  const results = [];
  for (const job of jobs) {
    try {
      await mermaid.parse(job.code);
      results.push({ id: job.id, ok: true });
    } catch (error) {
      // What src/shared/mermaidError.ts needs to say it in plain words (plain data: it crosses threads).
      const e =
        /** @type {{ message?: string, hash?: { loc?: { first_line?: number }, token?: string | number, expected?: string[], text?: string } }} */ (
          error
        );
      const hash = e?.hash;
      const facts = {
        message: String(e?.message ?? error),
        firstLine: hash?.loc?.first_line,
        token: hash?.token,
        expected: hash?.expected,
        text: hash?.text,
      };
      results.push({ id: job.id, ok: false, facts });
    }
  }
  parentPort?.postMessage(results);
});
parentPort?.postMessage('ready');
