// Quick fixes: the full-width mark for ASCII punctuation between Chinese
// characters, and for a space between them nothing or U+3000 (the fixes the
// shared checks give, textFindings.ts); the closest icon names for one the
// icon set does not have (the parser's own "did you mean", src/markdown/icons.ts);
// an alt-text placeholder for a picture without one. Each is found in the text
// of the lines asked about, so it is offered with or without the diagnostic
// that points at it (the doctor's missing-alt finding comes on save).
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import { iconSvg, similarIcons } from '../markdown/icons.ts';
import type { TextFinding } from './textFindings.ts';

/** What a picture without alt text gets: a placeholder that says what to write. */
export const ALT_PLACEHOLDER = '图片说明';

const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);
const overlaps = (a: Range, b: Range) => before(a.start, b.end) && before(b.start, a.end);
const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

function fix(uri: string, title: string, range: Range, newText: string, diagnostics: Diagnostic[], preferred = false): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostics.length ? diagnostics : undefined,
    isPreferred: preferred || undefined,
    edit: { changes: { [uri]: [{ range, newText }] } },
  };
}

function textFixes(uri: string, range: Range, findings: readonly TextFinding[], diagnostics: Diagnostic[]): CodeAction[] {
  return findings
    .filter((f) => overlaps({ start: f.start, end: f.end }, range))
    .flatMap((f) => {
      const at = { start: f.start, end: f.end };
      const said = diagnostics.filter((d) => sameRange(d.range, at));
      return f.fixes.map((x, i) => fix(uri, x.title, at, x.newText, said, i === 0));
    });
}

function lineFixes(uri: string, line: number, text: string, diagnostics: Diagnostic[]): CodeAction[] {
  const onLine = diagnostics.filter((d) => d.range.start.line === line);
  const out: CodeAction[] = [];
  for (const m of text.matchAll(/\bicon=([\w-]+)/dg)) {
    const [start, end] = m.indices?.[1] ?? [0, 0];
    if (iconSvg(m[1])) continue;
    const at = { start: { line, character: start }, end: { line, character: end } };
    similarIcons(m[1]).forEach((name, i) => out.push(fix(uri, `Use the icon ${name}`, at, name, onLine, i === 0)));
  }
  for (const m of text.matchAll(/!\[\s*\]\(/g)) {
    const at = { start: { line, character: m.index + 1 }, end: { line, character: m.index + m[0].length - 1 } };
    out.push(fix(uri, 'Add alt text (a placeholder to replace)', at, `[${ALT_PLACEHOLDER}]`, onLine));
  }
  return out;
}

/** The range asked about; an empty one (a cursor, as Neovim asks) stands for its whole line. */
function asked(range: Range): Range {
  const empty = range.start.line === range.end.line && range.start.character === range.end.character;
  return empty
    ? { start: { line: range.start.line, character: 0 }, end: { line: range.start.line, character: Number.MAX_SAFE_INTEGER } }
    : range;
}

export function codeActions(
  uri: string,
  lines: readonly string[],
  range: Range,
  findings: readonly TextFinding[],
  diagnostics: Diagnostic[],
): CodeAction[] {
  const out = textFixes(uri, asked(range), findings, diagnostics);
  for (let line = range.start.line; line <= range.end.line && line < lines.length; line++)
    out.push(...lineFixes(uri, line, lines[line], diagnostics));
  return out;
}
