// Which files the server checks: those of a deck (the talk's slides/, or a
// folder whose .md files open with front matter, on disk or in the editor),
// and no other (the README, a folder of notes, the project's own folders).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeckFolders } from '../../../src/lsp/deckFolder.ts';
import { PROJECT_ROOT } from '../../../src/project/paths.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-deck-folder-'));
  await mkdir(path.join(dir, 'deck'));
  await writeFile(path.join(dir, 'deck', '01-a.md'), '---\ntitle: 题\n---\n\n# 一\n');
  await writeFile(path.join(dir, 'deck', '02-b.md'), '# 二\n');
  await mkdir(path.join(dir, 'notes'));
  await writeFile(path.join(dir, 'notes', 'todo.md'), '# 待办\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('DeckFolders', () => {
  it("takes the talk's slides and a folder with front matter in one of its files", () => {
    const folders = new DeckFolders();
    expect(folders.deckOf(path.join(PROJECT_ROOT, 'slides', '03-models.md'))).toBe(path.join(PROJECT_ROOT, 'slides'));
    expect(folders.deckOf(path.join(dir, 'deck', '02-b.md'))).toBe(path.join(dir, 'deck'));
  });

  it("leaves out the README, a folder of plain notes, the project's own folders and what is not Markdown", () => {
    const folders = new DeckFolders();
    expect(folders.deckOf(path.join(PROJECT_ROOT, 'README.md'))).toBeUndefined();
    expect(folders.deckOf(path.join(dir, 'notes', 'todo.md'))).toBeUndefined();
    expect(folders.deckOf(path.join(PROJECT_ROOT, 'node_modules', 'vite', 'README.md'))).toBeUndefined();
    expect(folders.deckOf(path.join(PROJECT_ROOT, 'themes', 'x.md'))).toBeUndefined();
    expect(folders.deckOf(path.join(dir, 'deck', 'notes.txt'))).toBeUndefined();
  });

  it("takes a new deck from the editor's text before it is saved", () => {
    const folders = new DeckFolders();
    expect(folders.deckOf(path.join(dir, 'notes', 'todo.md'), () => ['---\npart: 一\n---\n'])).toBe(path.join(dir, 'notes'));
  });
});
