// Dev only: the endpoint the speaker view posts a finished rehearsal to.
// POST /__iur/rehearsal with the JSON of src/rehearsal/rehearsalFile.ts →
// slides/rehearsal.json: merged into the stored times (`?fresh=1`, 重新彩排:
// replacing them), one save at a time, written atomically (src/store/jsonFile.ts).
// Nothing else is written: the Markdown sources are never touched. The dev
// server's slides watcher sees the new file and pushes the times to the page.
import type { Plugin } from 'vite';
import { answerTooLarge, BodyTooLargeError, readBody } from './readBody.ts';
import { guardEndpoint } from './endpointGuard.ts';
import { updateJsonFile } from '../project/jsonFile.ts';
import { displayPath } from '../project/readSources.ts';
import { MAX_REHEARSAL_BYTES, mergeRehearsal, parseRehearsal, rehearsalPath, serializeRehearsal } from '../rehearsal/rehearsalFile.ts';

export const REHEARSAL_ENDPOINT = '/__iur/rehearsal';
const MAX_BYTES = 1024 * 1024;

export function rehearsalPlugin(options: { slidesDir: string; log?: (line: string) => void }): Plugin {
  const file = rehearsalPath(options.slidesDir);
  const log = options.log ?? ((line: string) => console.error(line));
  return {
    name: 'iur-deck-rehearsal',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(REHEARSAL_ENDPOINT, (req, res) => {
        if (!guardEndpoint(req, res, REHEARSAL_ENDPOINT)) return;
        const answer = (status: number, text: string) => {
          res.statusCode = status;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end(text);
        };
        if (req.method !== 'POST') return answer(405, 'POST a rehearsal');
        if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return answer(415, 'expected application/json');
        readBody(req, MAX_BYTES, `a rehearsal may be at most ${MAX_BYTES / 1024 / 1024} MB`)
          .then(async (body) => {
            const parsed = parseRehearsal(JSON.parse(body));
            if (typeof parsed === 'string') return answer(400, parsed);
            const fresh = new URL(req.url ?? '', 'http://localhost').searchParams.get('fresh') === '1';
            const saved = await updateJsonFile(file, {
              change: (stored) => mergeRehearsal(stored, parsed, fresh),
              maxBytes: MAX_REHEARSAL_BYTES,
              serialize: serializeRehearsal,
            });
            const total = Object.values(saved.slides).reduce((a, b) => a + b, 0);
            const what = fresh ? 'a fresh rehearsal' : `${Object.keys(parsed.slides).length} slides timed`;
            log(
              `rehearsal: ${what}; ${Object.keys(saved.slides).length} slides, ${Math.round(total)} s in all, written to ${displayPath(file)}`,
            );
            answer(200, displayPath(file));
          })
          .catch((error: unknown) =>
            error instanceof BodyTooLargeError
              ? answerTooLarge(req, res, error)
              : answer(400, error instanceof Error ? error.message : String(error)),
          );
      });
    },
  };
}
