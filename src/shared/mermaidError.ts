// Turns a Mermaid parse error into a message in plain words and the line of
// the diagram it is on. Mermaid's own text names grammar tokens ('SQE',
// 'DOUBLECIRCLEEND', got '1') and counts lines its own way; its error's `hash`
// carries the facts. Pure: used in Node (build, dev) and in the browser.

/** What a Mermaid (jison) parse error carries besides its message. */
export interface MermaidErrorFacts {
  message: string;
  /** 1-based line in the diagram where the offending token starts. */
  firstLine?: number;
  /** The token found: a name ('LINK', 'NEWLINE', 'INVALID'), or 1 / 'EOF' at the end of the text. */
  token?: string | number;
  /** The tokens the grammar expected there, quoted ("'SQE'"). */
  expected?: string[];
  /** The text of the offending token. */
  text?: string;
}

export interface MermaidErrorReport {
  /** 1-based line inside the diagram (the fence's next line is 1). */
  line: number;
  message: string;
}

/** Grammar token names of Mermaid's parsers, in words an author types. */
const TOKEN_WORDS: Record<string, string> = {
  SQE: ']',
  PE: ')',
  DOUBLECIRCLEEND: ')))',
  STADIUMEND: '])',
  SUBROUTINEEND: ']]',
  CYLINDEREND: ')]',
  DIAMOND_STOP: '}',
  TAGEND: '>',
  TRAPEND: '/]',
  INVTRAPEND: '\\]',
  PIPE: '|',
  COLON: ':',
  COMMA: ',',
  AMP: '&',
  MINUS: '-',
  MULT: '*',
  BRKT: '#',
  LINK: 'an arrow (-->)',
  ARROW: 'an arrow',
  NEWLINE: 'a new line',
  EOF: 'the end of the diagram',
  TEXT: 'text',
  TXT: 'text',
  UNICODE_TEXT: 'text',
  EDGE_TEXT: 'text',
  TESTSTR: 'text',
  STR: 'text in quotes',
  NODE_STRING: 'a node name',
  NUM: 'a number',
  DOWN: 'a direction',
  DEFAULT: 'default',
  SPACE: '',
  INVALID: '',
};

const unquote = (t: string): string => t.replace(/^'(.*)'$/, '$1');

function words(token: string): string {
  if (token in TOKEN_WORDS) return TOKEN_WORDS[token];
  // A keyword of the grammar ('title', 'section', '-)'): the author types it as is.
  return /^[A-Z_]+$/.test(token) ? '' : `“${token}”`;
}

/** Tokens an author rarely means: listed only when nothing else is expected. */
const RARE = new Set([
  'AMP',
  'COMMA',
  'MINUS',
  'MULT',
  'BRKT',
  'DEFAULT',
  'DOWN',
  'NUM',
  '-)',
  'acc_title',
  'acc_descr',
  'acc_descr_multiline_value',
]);

/** The distinct things expected, in words, text first, at most `max`. */
function expectedWords(expected: string[], max = 6): string {
  const tokens = expected.map(unquote);
  const common = tokens.filter((t) => !RARE.has(t));
  const list = [...new Set((common.length > 0 ? common : tokens).map(words).filter(Boolean))];
  list.sort((a, b) => Number(b === 'text') - Number(a === 'text'));
  const shown = list.slice(0, max).join(', ');
  return list.length > max ? `${shown} …` : shown;
}

const atEnd = (token: MermaidErrorFacts['token']): boolean => token === 1 || token === 'EOF';

/**
 * @param facts what the error carries
 * @param lines how many lines the diagram has (an error at its end points at the last one)
 */
export function describeMermaidError(facts: MermaidErrorFacts, lines: number): MermaidErrorReport {
  const last = Math.max(1, lines);
  const noType = /^No diagram type detected[^:]*:\s*(.*)/s.exec(facts.message);
  if (noType) {
    const first = noType[1].split('\n')[0].trim();
    return {
      line: 1,
      message: `the first line must name a diagram type (for example flowchart LR, sequenceDiagram, timeline), not “${first}”`,
    };
  }
  const line = Math.min(Math.max(1, facts.firstLine ?? 1), last);
  const expected = facts.expected && facts.expected.length > 0 ? expectedWords(facts.expected) : '';
  const wanted = expected ? `; expected ${expected}` : '';
  if (facts.token !== undefined) {
    if (atEnd(facts.token)) {
      return { line, message: `the diagram ends too early (is a bracket or quote left open?)${wanted}` };
    }
    const found = facts.text && facts.text.trim() ? `“${facts.text.trim()}”` : words(String(facts.token)) || 'this';
    return { line, message: `unexpected ${found}${wanted}` };
  }
  // A message without facts (a lexer or renderer error): its first line, without Mermaid's line count.
  const first = facts.message.split('\n').find((l) => l.trim() && !/^[-\s^.]+$/.test(l)) ?? facts.message;
  return { line, message: first.replace(/^(Parse|Lexical) error on line \d+[.:]?\s*/, '').trim() || 'syntax error' };
}

/** Lines of a fence's content (it ends with a newline). */
export function diagramLines(code: string): number {
  return code.replace(/\n$/, '').split('\n').length;
}

/** The facts of an error thrown by mermaid.parse (whatever it is). */
export function mermaidErrorFacts(error: unknown): MermaidErrorFacts {
  const e = error as {
    message?: unknown;
    hash?: { loc?: { first_line?: number }; token?: string | number; expected?: string[]; text?: string };
  } | null;
  const hash = e?.hash;
  return {
    message: String(e?.message ?? error),
    firstLine: hash?.loc?.first_line,
    token: hash?.token,
    expected: hash?.expected,
    text: hash?.text,
  };
}
