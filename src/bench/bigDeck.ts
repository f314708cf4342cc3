// Generates a larger deck from a real one for the scale figures: the talk's
// part files repeated `times` times, renamed so name order keeps each copy of
// the talk together (00-00-cover.md, …, 09-06-thanks.md). Deck front matter
// stays in the first file only (the parser allows it nowhere else); part front
// matter is kept in every copy. An outline slide (`::: outline`) becomes a
// divider with the same heading: its generated list names every part of the
// deck, and thirty parts do not fit one slide, so the export would stop on
// the overflow. Written to a temporary folder, never committed.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { PART_KEYS } from '../deck/frontMatter.ts';

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const OUTLINE = /^::: *outline[ \t]*$/gm;

/** The file with each outline container made a divider: its heading kept, no generated list. */
export function outlinesAsDividers(text: string): string {
  return text.replace(OUTLINE, '::: divider');
}

/** The file without deck keys in its front matter (the block dropped if nothing is left). */
export function keepPartMatter(text: string): string {
  const match = FRONT.exec(text);
  if (!match) return text;
  const value: unknown = parseDocument(match[1]).toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return text;
  const kept = Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => PART_KEYS.includes(k)));
  const rest = text.slice(match[0].length);
  return Object.keys(kept).length === 0 ? rest : `---\n${stringify(kept)}---\n${rest}`;
}

/** Writes the scaled deck into `dest`; returns the file names written. */
export async function writeScaledDeck(sourceDir: string, dest: string, times: number): Promise<string[]> {
  const names = (await readdir(sourceDir)).filter((n) => n.endsWith('.md')).sort();
  await mkdir(dest, { recursive: true });
  const written: string[] = [];
  for (let copy = 0; copy < times; copy++) {
    for (const [i, name] of names.entries()) {
      const text = await readFile(path.join(sourceDir, name), 'utf8');
      const out = `${String(copy).padStart(2, '0')}-${name}`;
      await writeFile(path.join(dest, out), outlinesAsDividers(copy === 0 && i === 0 ? text : keepPartMatter(text)));
      written.push(out);
    }
  }
  return written;
}
