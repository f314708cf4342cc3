// Cuts one file's token stream into slides at `slide_break` tokens and each
// slide into its visible part and its speaker notes.
import type { Token } from 'markdown-it';
import type { ParseEnv } from '../markdown/env.ts';
import { report } from '../markdown/env.ts';
import { SLIDE_BREAK } from '../markdown/rules/slideBreak.ts';
import { NOTES_MARKER } from '../markdown/rules/notes.ts';
import { LAYOUT_OPEN, layoutName } from '../markdown/rules/layouts.ts';

export interface SlideTokens {
  /** 0-based first and last (exclusive) source lines. */
  start: number;
  end: number;
  /** Starts a vertical sub-slide under the previous slide. */
  vertical: boolean;
  body: Token[];
  notes: Token[];
}

export function splitSlides(tokens: Token[], lineCount: number, env: ParseEnv): SlideTokens[] {
  const slides: SlideTokens[] = [];
  let current: Token[] = [];
  let start = 0;
  let vertical = false;
  const openContainers: Token[] = [];

  const flush = (end: number) => {
    const notesAt = current.findIndex((t) => t.type === NOTES_MARKER && t.level === 0);
    const body = notesAt < 0 ? current : current.slice(0, notesAt);
    const notes = notesAt < 0 ? [] : current.slice(notesAt + 1);
    const firstLine = body.find((t) => t.map)?.map?.[0];
    if (body.length > 0 || notes.length > 0) {
      slides.push({ start: firstLine ?? start, end, vertical, body, notes });
      if (body.length === 0) report(env, start, 'empty slide (it has only speaker notes)', 'warning');
    } else if (slides.length > 0) {
      report(env, start, 'empty slide (two separators in a row?)', 'warning');
    }
    current = [];
  };

  for (const token of tokens) {
    if (token.type === 'front_matter') continue;
    if (token.type === LAYOUT_OPEN) openContainers.push(token);
    if (token.type === 'container_layout_close') openContainers.pop();
    if (token.type === SLIDE_BREAK) {
      const line = token.map?.[0] ?? 0;
      if (openContainers.length > 0) {
        const open = openContainers[openContainers.length - 1];
        report(
          env,
          line,
          `slide separator ${token.markup} inside "${open.markup} ${layoutName(open.info)}" opened at line ${(open.map?.[0] ?? 0) + 1}: close it first`,
        );
        continue;
      }
      flush(line);
      start = line + 1;
      vertical = token.meta?.vertical === true;
      continue;
    }
    current.push(token);
  }
  flush(lineCount);
  return slides;
}
