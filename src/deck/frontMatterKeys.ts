// The one list of front-matter keys: which file may set each (the deck's keys
// the first file only, a part's any file), what kind of value it takes, and
// what it does. The reader checks against it (frontMatter.ts); the editor's
// completion and hover and the front matter's JSON schema (src/lsp/) are
// made from it, so a new key is written here once.

/** How a value is read: text (a number or a date is taken as written), minutes (> 0), or a list of words. */
export type ValueKind = 'text' | 'minutes' | 'keywords';

export interface FrontMatterKey {
  name: string;
  /** `deck`: the first file only; `part`: any file. */
  scope: 'deck' | 'part';
  kind: ValueKind;
  /** What it does, in one or two sentences. */
  doc: string;
  /** The value when the key is not there. */
  default?: string;
}

export const FRONT_MATTER_KEYS: readonly FrontMatterKey[] = [
  {
    name: 'title',
    scope: 'deck',
    kind: 'text',
    doc: "The talk's title: the title page, the browser tab, the PDF's and PowerPoint's title.",
  },
  { name: 'subtitle', scope: 'deck', kind: 'text', doc: 'Under the title on the title page; the PDF subject when `subject` is not set.' },
  { name: 'author', scope: 'deck', kind: 'text', doc: 'The speaker, on the title page and in the PDF.' },
  { name: 'organisation', scope: 'deck', kind: 'text', doc: "The speaker's organisation, on the title page; the PowerPoint's company." },
  { name: 'date', scope: 'deck', kind: 'text', doc: 'The date of the talk, on the title page (as written, e.g. 2021-09-17).' },
  { name: 'lang', scope: 'deck', kind: 'text', doc: 'The BCP 47 language of the deck.', default: 'zh-CN' },
  {
    name: 'theme',
    scope: 'deck',
    kind: 'text',
    doc: 'A theme name from themes/, or the path of a .css file inside the project.',
    default: 'institute',
  },
  {
    name: 'duration',
    scope: 'deck',
    kind: 'minutes',
    doc: "The talk's planned length in minutes: the speaker view's pacing and the rehearsal report.",
  },
  { name: 'short', scope: 'deck', kind: 'text', doc: 'A short title for the footer of every slide (default: the title).' },
  { name: 'subject', scope: 'deck', kind: 'text', doc: 'The subject in the PDF and PowerPoint properties.' },
  {
    name: 'keywords',
    scope: 'deck',
    kind: 'keywords',
    doc: 'Keywords in the PDF and PowerPoint properties: a list, or words separated by commas.',
  },
  { name: 'part', scope: 'part', kind: 'text', doc: "This file's part: its title in the outline (`::: outline`) and the PDF's bookmarks." },
  { name: 'marker', scope: 'part', kind: 'text', doc: "The part's marker (e.g. 一), in the footer of its slides and the outline." },
];

/** The keys of the deck (first file only), and of a part (any file). */
export const DECK_KEYS: readonly string[] = FRONT_MATTER_KEYS.filter((k) => k.scope === 'deck').map((k) => k.name);
export const PART_KEYS: readonly string[] = FRONT_MATTER_KEYS.filter((k) => k.scope === 'part').map((k) => k.name);

/** The keys a file may set: the first file every key, the others a part's. */
export function keysFor(isFirst: boolean): readonly FrontMatterKey[] {
  return isFirst ? FRONT_MATTER_KEYS : FRONT_MATTER_KEYS.filter((k) => k.scope === 'part');
}

/** What a kind of value is, in words (messages, completion, the schema). */
export const KIND_WORDS: Readonly<Record<ValueKind, string>> = {
  text: 'text',
  minutes: 'a number of minutes',
  keywords: 'a list of strings',
};

/** The kind of value a key takes (text for a key not in the list). */
export function kindOf(name: string): ValueKind {
  return FRONT_MATTER_KEYS.find((k) => k.name === name)?.kind ?? 'text';
}
