// The pure text checks of a slide's words, one rule and one message each,
// run on both sides: the doctor's page rules on the laid-out text
// (src/client/doctor/rules/punctuation.ts, chineseSpace.ts), the reader of
// the sources on each line (control characters, src/project/readSources.ts),
// and the language server on the source as it is typed (src/lsp/), which
// turns each finding's place into a range and its fix into a quick fix.

/** Chinese characters and their punctuation (CJK blocks, full-width forms). */
export const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';

/** Full-width forms of the ASCII marks that Chinese text sets full-width. */
export const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };

/** A place in the text checked: `length` characters from `index`. */
export interface TextSpan {
  index: number;
  length: number;
}

export interface PunctuationFinding extends TextSpan {
  /** The span is the mark with the spaces around it; this replaces it. */
  replacement: string;
  /** A few characters of context, and the same context fixed. */
  found: string;
  fixed: string;
}

/** An ASCII mark with a Chinese character on each side (spaces around it allowed). */
const ASCII_BETWEEN_CJK = new RegExp(`[${CJK}]([ \\u00a0]*[,:;()!?][ \\u00a0]*)(?=[${CJK}])`, 'g');

/** Each ASCII mark between Chinese characters: where it is (with its spaces), its fix, and both in context. */
export function asciiPunctuation(text: string): PunctuationFinding[] {
  return Array.from(text.matchAll(ASCII_BETWEEN_CJK), (m) => {
    const index = m.index + 1;
    const length = m[1].length;
    const replacement = FULL_WIDTH[m[1].trim()] ?? m[1];
    const start = Math.max(0, m.index - 6);
    const end = Math.min(text.length, m.index + m[0].length + 6);
    return {
      index,
      length,
      replacement,
      found: text.slice(start, end),
      fixed: text.slice(start, index) + replacement + text.slice(index + length, end),
    };
  });
}

const PUNCTUATION = 'ASCII punctuation between Chinese characters';

export function punctuationMessage(f: PunctuationFinding): string {
  return `${PUNCTUATION}: «${f.found}» → «${f.fixed}»`;
}

export interface SpaceFinding extends TextSpan {
  /** A few characters either side, for the message. */
  snippet: string;
}

/** Spaces (ASCII or no-break) with a Chinese character on each side. */
const CJK_SPACE = new RegExp(`[${CJK}]([ \\u00a0]+)(?=[${CJK}])`, 'g');

/** Each run of spaces between two Chinese characters. A full-width space (U+3000) is not one: it is the fix. */
export function chineseSpaces(text: string): SpaceFinding[] {
  return Array.from(text.matchAll(CJK_SPACE), (m) => ({
    index: m.index + 1,
    length: m[1].length,
    snippet: text.slice(Math.max(0, m.index - 8), m.index + 10).replace(/\s+/g, ' '),
  }));
}

const SPACE = 'space between two Chinese characters';

export function chineseSpaceMessage(f: SpaceFinding): string {
  return `${SPACE}: «${f.snippet}» (delete it, or where a gap is meant write a full-width space, U+3000 「\u3000」, as the cover does)`;
}

/** The full-width space a meant gap between Chinese words takes. */
export const FULL_WIDTH_SPACE = '\u3000';

/** Whether a message is one of the two Chinese-text findings above (the language server has them from the source). */
export function isChineseTextMessage(message: string): boolean {
  return message.startsWith(`${PUNCTUATION}:`) || message.startsWith(`${SPACE}:`);
}

/** Control characters that have no place in a slide (tab and newline excepted): Word's line break \v, pasted \x01… */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;

export interface ControlFinding extends TextSpan {
  /** U+000B … */
  code: string;
}

/** Each control character in one line of text. */
export function controlCharacters(line: string): ControlFinding[] {
  return Array.from(line.matchAll(CONTROL), (m) => ({
    index: m.index,
    length: 1,
    code: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  }));
}

export function controlCharacterMessage(f: ControlFinding): string {
  const what =
    f.code === 'U+000B'
      ? " (a vertical tab, Word's manual line break: the PowerPoint gets a line break)"
      : ' (dropped from the PowerPoint)';
  return `control character ${f.code} in the text${what}; delete it or use a new line`;
}
