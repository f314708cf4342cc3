// Where the deck keeps its drawings. Under the dev server: in the slides
// folder, slides/annotations.json, through the dev server's endpoint (read on
// load, the whole file posted after each change, one post at a time, the
// newest last). A built deck or the single file: in this browser's
// localStorage, with the drawings the build carried as the start, and a
// download of annotations.json to put into slides/. The Markdown is never touched.
import { emptyAnnotations, isShapeProblem, parseAnnotations, serializeAnnotations, type Annotations } from '../../shared/annotations.ts';

const ENDPOINT = '/__iur/annotations';

export type SaveState =
  { where: 'file'; state: 'saved' | 'saving' | 'failed'; detail: string } | { where: 'browser'; state: 'saved' | 'failed'; detail: string };

function storageKey(): string {
  return `iur-deck-annotations:${document.title}`;
}

function checked(value: unknown): Annotations | undefined {
  const parsed = parseAnnotations(value);
  return isShapeProblem(parsed) ? undefined : parsed;
}

/** Under the dev server (import.meta.hot: NODE_ENV is not a reliable sign, tests set it). */
export function underDevServer(): boolean {
  return Boolean(import.meta.hot);
}

/** The drawings to start from: the file (dev), else this browser's, else the build's. */
export async function loadDrawings(built: Annotations | undefined): Promise<Annotations> {
  if (underDevServer()) {
    try {
      const response = await fetch(ENDPOINT, { cache: 'no-store' });
      if (response.ok) return checked(await response.json()) ?? emptyAnnotations();
    } catch {
      /* the server went away: the page's copy */
    }
    return built ?? emptyAnnotations();
  }
  try {
    const stored = localStorage.getItem(storageKey());
    const kept = stored ? checked(JSON.parse(stored)) : undefined;
    if (kept) return kept;
  } catch {
    /* nothing stored, or not ours */
  }
  return built ?? emptyAnnotations();
}

export function annotationsBlobUrl(data: Annotations): string {
  return URL.createObjectURL(new Blob([serializeAnnotations(data)], { type: 'application/json' }));
}

/** Saves after each change; `report` hears where and how it went. */
export function drawingSaver(report: (state: SaveState) => void): (data: Annotations) => void {
  if (!underDevServer()) {
    return (data) => {
      try {
        localStorage.setItem(storageKey(), JSON.stringify(data));
        report({ where: 'browser', state: 'saved', detail: '' });
      } catch (error) {
        report({ where: 'browser', state: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    };
  }
  let posting = false;
  let pending: Annotations | undefined;
  const post = async (): Promise<void> => {
    posting = true;
    while (pending) {
      const data = pending;
      pending = undefined;
      report({ where: 'file', state: 'saving', detail: '' });
      try {
        const response = await fetch(ENDPOINT, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(data),
        });
        const text = await response.text();
        report({ where: 'file', state: response.ok ? 'saved' : 'failed', detail: text });
      } catch (error) {
        report({ where: 'file', state: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    }
    posting = false;
  };
  return (data) => {
    pending = data;
    if (!posting) void post();
  };
}
