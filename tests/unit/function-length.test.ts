// The house rule "no function longer than ~150 lines", checked on every
// function in src/ with the TypeScript compiler's parser (declarations,
// methods, arrow functions and function expressions, nested ones included).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAX_LINES = 150;
/** Functions allowed to be longer, by file: none since the PowerPoint reader became client modules. */
const KNOWN: Record<string, string[]> = {};

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const file = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(file);
    return /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [file] : [];
  });
}

function nameOf(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile): string {
  if (fn.name) return fn.name.getText(sf);
  const parent = fn.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name)
    return parent.name.getText(sf);
  return '(anonymous)';
}

/** Every function of `file` longer than MAX_LINES: `name (n lines, line l)`. */
function longFunctions(file: string): { name: string; text: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { name: string; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      const name = nameOf(node, sf);
      if (lines > MAX_LINES) found.push({ name, text: `${file}:${first + 1} ${name} (${lines} lines)` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe(`functions in src/ (at most ${MAX_LINES} lines)`, () => {
  const files = sources('src');

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('src/export/exportDeck.ts');
  });

  it('has none longer', () => {
    const long = files.flatMap((file) =>
      longFunctions(file)
        .filter((f) => !KNOWN[file]?.includes(f.name))
        .map((f) => f.text),
    );
    expect(long, `split these (one job per function):\n${long.join('\n')}`).toEqual([]);
  });
});
