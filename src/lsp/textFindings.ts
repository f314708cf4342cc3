// The Chinese-text checks (src/shared/textChecks.ts, the doctor's own) on a
// file as it is typed, each at its characters with its fix: run on the text
// of the parse's inline tokens (what the page will show, markup left out), each
// character traced back to its place in the source, and on the front matter's
// lines (the title page shows those). The doctor's page rules say the same
// findings per block on save; the server keeps these instead (diagnostics.ts).
import type { Token } from 'markdown-it';
import {
  asciiPunctuation,
  chineseSpaceMessage,
  chineseSpaces,
  FULL_WIDTH_SPACE,
  punctuationMessage,
  type TextSpan,
} from '../shared/textChecks.ts';

/** 0-based line and UTF-16 character, as LSP counts them. */
export interface Place {
  line: number;
  character: number;
}

export interface TextFix {
  title: string;
  newText: string;
}

export interface TextFinding {
  start: Place;
  end: Place;
  /** Which check: the diagnostic's code. */
  code: 'punctuation' | 'chinese-space';
  message: string;
  /** Each replaces the text from start to end. */
  fixes: TextFix[];
}

/** The text a block shows, each character with its offset in the source (-1: none). */
interface Traced {
  text: string;
  offsets: number[];
  /** Where the traced text ends in the source: the next cell of a table row starts after it. */
  end: number;
  /** Offsets of line breaks the text reads as spaces: a fix leaves them. */
  breaks: Set<number>;
}

/** Where each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function placeOf(offset: number, starts: number[]): Place {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** The shown text of an inline token, traced to the source between `from` and `to`. */
function trace(source: string, token: Token, from: number, to: number): Traced {
  const out: Traced = { text: '', offsets: [], end: from, breaks: new Set() };
  let cursor = from;
  const push = (chars: string, at: number) => {
    out.text += chars;
    for (let i = 0; i < chars.length; i++) out.offsets.push(at < 0 ? -1 : at + i);
  };
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') {
      const at = source.indexOf(child.content, cursor);
      const found = at >= 0 && at + child.content.length <= to;
      push(child.content, found ? at : -1);
      if (found) cursor = at + child.content.length;
    } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      // The page reads a line break as a space between the lines.
      const at = source.indexOf('\n', cursor);
      const found = at >= 0 && at < to;
      push(' ', found ? at : -1);
      if (found) {
        out.breaks.add(at);
        cursor = at + 1;
      }
    }
  }
  out.end = cursor;
  return out;
}

/**
 * A finding's span in traced text, as source places: its characters on the
 * line of its `core` character (the mark; a line break around it stays), or
 * undefined when that has no place in the source.
 */
function placed(traced: Traced, span: TextSpan, starts: number[], core = span.index): { start: Place; end: Place } | undefined {
  const at = traced.offsets[core];
  if (at === undefined || at < 0) return undefined;
  const line = placeOf(at, starts).line;
  const sameLine = (i: number, next: number) => {
    const o = traced.offsets[i];
    return i >= span.index && i < span.index + span.length && o === next && placeOf(o, starts).line === line && !traced.breaks.has(o);
  };
  let first = core;
  while (sameLine(first - 1, (traced.offsets[first] ?? 0) - 1)) first--;
  let last = core;
  while (sameLine(last + 1, (traced.offsets[last] ?? 0) + 1)) last++;
  return { start: placeOf(traced.offsets[first], starts), end: placeOf(traced.offsets[last] + 1, starts) };
}

/** Both checks on one traced text. */
function check(traced: Traced, starts: number[]): TextFinding[] {
  const found: TextFinding[] = [];
  for (const f of asciiPunctuation(traced.text)) {
    const mark = f.index + traced.text.slice(f.index, f.index + f.length).search(/[^ \u00a0]/);
    const where = placed(traced, f, starts, mark);
    if (where) {
      found.push({
        ...where,
        code: 'punctuation',
        message: punctuationMessage(f),
        fixes: [{ title: `Write the full-width ${f.replacement}`, newText: f.replacement }],
      });
    }
  }
  for (const f of chineseSpaces(traced.text)) {
    const where = placed(traced, f, starts);
    if (where) {
      found.push({
        ...where,
        code: 'chinese-space',
        message: chineseSpaceMessage(f),
        fixes: [
          { title: 'Delete the space', newText: '' },
          { title: 'Write a full-width space (U+3000)', newText: FULL_WIDTH_SPACE },
        ],
      });
    }
  }
  return found;
}

/** The source lines a token spans, as offsets. */
function region(token: Token, starts: number[], length: number): [number, number] | undefined {
  if (!token.map) return undefined;
  const [a, b] = token.map;
  return [starts[a] ?? length, starts[b] ?? length];
}

/** Every Chinese-text finding of a file: its inline text as parsed, and its front matter's lines. */
export function textFindings(source: string, tokens: Token[]): TextFinding[] {
  const starts = lineStarts(source);
  const found: TextFinding[] = [];
  // A table's cells have no lines of their own: each is traced from where the last one ended in its row.
  let row: [number, number] = [0, 0];
  for (const token of tokens) {
    if (token.type === 'tr_open') row = region(token, starts, source.length) ?? row;
    if (token.type === 'inline' && !token.map) {
      const traced = trace(source, token, row[0], row[1]);
      row = [traced.end, row[1]];
      found.push(...check(traced, starts));
    }
    const span = region(token, starts, source.length);
    if (!span) continue;
    if (token.type === 'inline') found.push(...check(trace(source, token, span[0], span[1]), starts));
    if (token.type === 'front_matter') {
      // Each line as it is: keys are ASCII, so only the values can hold Chinese text.
      for (let line = (token.map?.[0] ?? 0) + 1; line < (token.map?.[1] ?? 0) - 1; line++) {
        const from = starts[line];
        const text = source.slice(from, (starts[line + 1] ?? source.length + 1) - 1);
        const offsets = Array.from({ length: text.length }, (_, i) => from + i);
        found.push(...check({ text, offsets, end: from + text.length, breaks: new Set() }, starts));
      }
    }
  }
  return found;
}
