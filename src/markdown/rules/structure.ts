// Core rule run after block parsing: finds what markdown-it silently repairs
// (unclosed fences and containers, a container closed by its child's closing
// line, a column outside columns, unknown layouts) and reports it with its line.
import type { MarkdownIt, Token } from 'markdown-it';
import { envOf, report } from '../env.ts';
import { LAYOUTS, LAYOUT_CLOSE, LAYOUT_OPEN, layoutName } from './layouts.ts';

const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const CONTAINER_CLOSE = /^ {0,3}(:{3,})[ \t]*$/;

export function structurePlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'iur_structure', (state) => {
    const env = envOf(state);
    if (!env) return;
    const lines = state.src.split('\n');
    const lineAt = (i: number) => lines[i]?.replace(/\r$/, '') ?? '';
    // Open containers, innermost last, to see what each one sits in and where it ends.
    const stack: Token[] = [];
    for (const token of state.tokens) {
      if (token.type === LAYOUT_CLOSE) stack.pop();
      if (!token.map) continue;
      const [start, end] = token.map;
      if (token.type === 'fence') {
        const close = FENCE_CLOSE.exec(lineAt(end - 1));
        const open = token.markup;
        if (end - 1 <= start || !close || close[1][0] !== open[0] || close[1].length < open.length) {
          report(env, start, `code fence ${open}${token.info} is not closed (add a line ${open} after its last line)`);
        }
      } else if (token.type === LAYOUT_OPEN) {
        const name = layoutName(token.info);
        const close = CONTAINER_CLOSE.exec(lineAt(end));
        if (!close || close[1].length < token.markup.length) {
          report(env, start, `container ${token.markup} ${name} is not closed (add a line ${token.markup} where it ends)`);
        }
        if (!LAYOUTS.includes(name)) {
          report(env, start, `unknown layout "${name}" (known: ${LAYOUTS.join(', ')})`);
        }
        // `::: columns` holding `::: column` with as many colons: the column's closing line closes both.
        const parent = stack[stack.length - 1];
        if (parent?.map && parent.map[1] === end && parent.markup.length <= token.markup.length) {
          const more = ':'.repeat(token.markup.length + 1);
          report(
            env,
            parent.map[0],
            `container ${parent.markup} ${layoutName(parent.info)} is closed by the ${token.markup} that closes "${token.markup} ${name}" (line ${end + 1}): give the outer one more colons (${more} ${layoutName(parent.info)} … ${more})`,
          );
        }
        if (name === 'column' && (!parent || layoutName(parent.info) !== 'columns')) {
          report(
            env,
            start,
            `"${token.markup} column" outside "::: columns": put the columns inside ${':'.repeat(token.markup.length + 1)} columns … ${':'.repeat(token.markup.length + 1)}`,
          );
        }
        stack.push(token);
      }
    }
  });
}
