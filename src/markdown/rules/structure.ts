// Core rule run after block parsing: finds what markdown-it silently repairs
// (unclosed fences and containers, unknown layouts) and reports it with its line.
import type { MarkdownIt } from 'markdown-it';
import type { ParseEnv } from '../env.ts';
import { report } from '../env.ts';
import { LAYOUTS, LAYOUT_OPEN, layoutName } from './layouts.ts';

const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const CONTAINER_CLOSE = /^ {0,3}(:{3,})[ \t]*$/;

export function structurePlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'iur_structure', (state) => {
    const env = state.env as unknown as ParseEnv;
    if (!env?.problems) return;
    const lines = state.src.split('\n');
    const lineAt = (i: number) => lines[i]?.replace(/\r$/, '') ?? '';
    for (const token of state.tokens) {
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
      }
    }
  });
}
