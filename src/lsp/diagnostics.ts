// The deck's problems as the editor's diagnostics, file by file: every
// problem `check` would say (parse level while typing, the browser doctor's
// on save), at its line, narrowed to what it names when the line holds it
// (`unknown icon "databse"` marks databse; a control character marks itself),
// else the line's text. Any new finding of the parser or the doctor comes
// through as it is, with no change here. The doctor's two Chinese-text rules
// are left out of the layout findings: the server has them from the source at
// their characters, with their fixes (textFindings.ts). A layout finding that
// says what a parse finding already says at the same line is said once.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { isChineseTextMessage } from '../shared/textChecks.ts';
import type { Problem } from '../shared/problem.ts';
import type { TextFinding } from './textFindings.ts';

export const SOURCE = 'iur-deck';

/** Names a message quotes: "x", «x», “x”. */
const QUOTED = /"([^"]+)"|«([^»]+)»|“([^”]+)”/g;
const CODE_POINT = /\bU\+([0-9A-F]{4,6})\b/;

/** The part of a line a problem is about. */
export function rangeOf(message: string, line0: number, text: string): Range {
  const at = (start: number, end: number): Range => ({ start: { line: line0, character: start }, end: { line: line0, character: end } });
  const code = CODE_POINT.exec(message);
  if (code) {
    const char = String.fromCodePoint(parseInt(code[1], 16));
    const i = text.indexOf(char);
    if (i >= 0) return at(i, i + char.length);
  }
  for (const m of message.matchAll(QUOTED)) {
    // A long quote is cut short with …, and an element's text runs over its lines: its first words are on the line.
    const quote = (m[1] ?? m[2] ?? m[3] ?? '').replace(/…$/, '');
    for (const name of [quote, quote.split(/\s/)[0]]) {
      const i = name.length > 1 ? text.indexOf(name) : -1;
      if (i >= 0) return at(i, i + name.length);
    }
  }
  const start = text.length - text.trimStart().length;
  return at(start, Math.max(start, text.trimEnd().length));
}

export function problemDiagnostic(p: Problem, lines: readonly string[]): Diagnostic {
  const line0 = Math.max(0, p.pos.line - 1);
  return {
    range: rangeOf(p.message, line0, lines[line0] ?? ''),
    severity: p.level === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: p.message,
  };
}

export function findingDiagnostic(f: TextFinding): Diagnostic {
  return { range: { start: f.start, end: f.end }, severity: DiagnosticSeverity.Warning, source: SOURCE, code: f.code, message: f.message };
}

const textOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** The layout findings worth saying beside the parse ones: not the Chinese-text rules, not a repeat of a parse finding. */
export function layoutDiagnostics(layout: readonly Diagnostic[], parse: readonly Diagnostic[]): Diagnostic[] {
  const said = new Set(parse.map((d) => `${d.range.start.line}\n${textOf(d)}`));
  return layout.filter((d) => !isChineseTextMessage(textOf(d)) && !said.has(`${d.range.start.line}\n${textOf(d)}`));
}

/** Problems grouped by absolute file, each group as diagnostics on that file's text. */
export function diagnosticsByFile(
  problems: readonly Problem[],
  pathOf: (p: Problem) => string,
  linesOf: (file: string) => readonly string[],
): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const p of problems) {
    const file = pathOf(p);
    const list = out.get(file) ?? [];
    list.push(problemDiagnostic(p, linesOf(file)));
    out.set(file, list);
  }
  return out;
}
