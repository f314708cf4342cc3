// A problem found in a deck, as every step reports it: the file and line it
// comes from, error or warning, and a message that says what to do. Parsing
// (Node), the doctor on the laid-out slides (in the page) and the commands that
// print them all speak this one shape.

/** A place in a source file; `line` is 1-based (0: the file or folder as a whole). */
export interface SourcePos {
  /** Path relative to the current working directory, as shown to users. */
  file: string;
  line: number;
}

export type Level = 'error' | 'warning';

export interface Problem {
  pos: SourcePos;
  level: Level;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.pos.line > 0 ? `${p.pos.file}:${p.pos.line}` : p.pos.file;
  return `${where}: ${p.level}: ${p.message}`;
}
