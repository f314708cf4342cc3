// Reads and validates YAML front matter: the deck's metadata in the first
// file, a part's title and marker in any file. Errors carry file and line.
import { parseDocument } from 'yaml';
import type { DeckMeta } from './model.ts';
import type { Problem } from '../shared/problem.ts';
import { DECK_KEYS, KIND_WORDS, keysFor, kindOf } from './frontMatterKeys.ts';

export { DECK_KEYS, PART_KEYS } from './frontMatterKeys.ts';

export interface PartMatter {
  part?: string;
  marker?: string;
}

export interface FrontMatter {
  /** The deck's keys, with `lines`: the line of each in the file. */
  deck: Partial<DeckMeta>;
  part: PartMatter;
}

/**
 * @param raw YAML text between the `---` lines (which start on line 1).
 * @param isFirst whether this is the first file, the only one that may set deck keys.
 */
export function readFrontMatter(raw: string, file: string, isFirst: boolean, problems: Problem[]): FrontMatter {
  const result: FrontMatter = { deck: {}, part: {} };
  const at = (line: number) => ({ file, line });
  const doc = parseDocument(raw, { prettyErrors: false });
  if (doc.errors.length > 0) {
    // An error found at the end (an unclosed bracket or quote) is blamed on the last line with text.
    const lastText = raw.trimEnd().length;
    for (const e of doc.errors) {
      const line = 2 + (raw.slice(0, Math.min(e.pos[0], Math.max(0, lastText - 1))).match(/\n/g)?.length ?? 0);
      problems.push({ pos: at(line), level: 'error', message: `invalid front matter: ${e.message.split('\n')[0]}` });
    }
    return result;
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    // The yaml package refuses alias bombs (a billion laughs) here, with no place in the file.
    const why =
      error instanceof Error && /alias/i.test(error.message)
        ? 'too many aliases (*name) to expand'
        : error instanceof Error
          ? error.message
          : String(error);
    problems.push({ pos: at(2), level: 'error', message: `invalid front matter: ${why}` });
    return result;
  }
  if (value === null || value === undefined) return result;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ pos: at(2), level: 'error', message: 'invalid front matter: expected key: value lines' });
    return result;
  }
  const lineOf = (key: string): number => {
    const idx = raw.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return idx < 0 ? 2 : idx + 2;
  };
  const known = keysFor(isFirst).map((k) => k.name);
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!known.includes(key)) {
      const where = DECK_KEYS.includes(key) ? ' (deck keys belong in the first file)' : '';
      problems.push({
        pos: at(lineOf(key)),
        level: 'error',
        message: `unknown front-matter key "${key}"${where} (known: ${known.join(', ')})`,
      });
      continue;
    }
    const kind = kindOf(key);
    const bad = () =>
      problems.push({ pos: at(lineOf(key)), level: 'error', message: `front-matter key "${key}" must be ${KIND_WORDS[kind]}` });
    if (kind === 'minutes') {
      if (typeof v === 'number' && v > 0) result.deck.duration = v;
      else bad();
    } else if (kind === 'keywords') {
      if (Array.isArray(v) && v.every((k) => typeof k === 'string')) result.deck.keywords = v;
      else if (typeof v === 'string') result.deck.keywords = v.split(/[,，、]\s*/).filter(Boolean);
      else bad();
    } else if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) {
      const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
      if (key === 'part' || key === 'marker') result.part[key] = text;
      else {
        (result.deck as Record<string, string>)[key] = text;
        result.deck.lines = { ...result.deck.lines, [key]: lineOf(key) };
      }
    } else {
      bad();
    }
  }
  return result;
}
