// Dev only: the endpoint the pen saves its drawings to, and reads them back
// from on load. POST /__iur/annotations with the whole file (the shape of
// src/annotations/annotations.ts) → slides/annotations.json, written by one
// queue of atomic writes (src/annotations/annotationsWriter.ts); GET answers
// with the file as it is now, so a reload shows the last save. Nothing else
// is written: the Markdown sources are never touched.
import type { ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { answerTooLarge, BodyTooLargeError, readBody } from './readBody.ts';
import { guardEndpoint } from './endpointGuard.ts';
import { displayPath } from '../project/readSources.ts';
import {
  ANNOTATIONS_FILE,
  MAX_ANNOTATION_BYTES,
  emptyAnnotations,
  isShapeProblem,
  parseAnnotations,
  serializeAnnotations,
} from '../shared/annotations.ts';
import { annotationsPath, readAnnotations } from '../annotations/annotationsFile.ts';
import { annotationsWriter } from '../annotations/annotationsWriter.ts';
import type { Problem } from '../shared/problem.ts';

export const ANNOTATIONS_ENDPOINT = '/__iur/annotations';

function answer(res: ServerResponse, status: number, type: string, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}

export function annotationsPlugin(options: { slidesDir: string; log?: (line: string) => void }): Plugin {
  const log = options.log ?? ((line: string) => console.error(line));
  const writer = annotationsWriter(options.slidesDir);
  const shown = displayPath(annotationsPath(options.slidesDir));
  return {
    name: 'iur-deck-annotations',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(ANNOTATIONS_ENDPOINT, (req, res) => {
        if (!guardEndpoint(req, res, ANNOTATIONS_ENDPOINT)) return;
        if (req.method === 'GET') {
          const problems: Problem[] = [];
          void readAnnotations(options.slidesDir, shown, [], problems).then((found) =>
            answer(res, 200, 'application/json', serializeAnnotations(found ?? emptyAnnotations())),
          );
          return;
        }
        if (req.method !== 'POST') return answer(res, 405, 'text/plain', 'GET or POST the annotations');
        if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
          return answer(res, 415, 'text/plain', 'expected application/json');
        readBody(req, MAX_ANNOTATION_BYTES, `${ANNOTATIONS_FILE}: the drawings may be at most ${MAX_ANNOTATION_BYTES / 1024 / 1024} MB`)
          .then(async (body) => {
            const parsed = parseAnnotations(JSON.parse(body));
            if (isShapeProblem(parsed)) return answer(res, 400, 'text/plain', parsed.message);
            try {
              await writer.save(serializeAnnotations(parsed));
            } catch (error) {
              return answer(res, 500, 'text/plain', `${shown}: not written: ${error instanceof Error ? error.message : String(error)}`);
            }
            const strokes = Object.values(parsed.slides).reduce((n, s) => n + s.length, 0);
            log(
              `annotations: ${strokes} stroke${strokes === 1 ? '' : 's'} on ${Object.keys(parsed.slides).length} slides, written to ${shown}`,
            );
            answer(res, 200, 'text/plain', shown);
          })
          .catch((error: unknown) =>
            error instanceof BodyTooLargeError
              ? answerTooLarge(req, res, error)
              : answer(res, 400, 'text/plain', `${ANNOTATIONS_FILE}: ${error instanceof Error ? error.message : String(error)}`),
          );
      });
    },
  };
}
