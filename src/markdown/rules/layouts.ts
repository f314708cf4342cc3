// Layout containers (`::: columns`, `::: divider` …) through markdown-it-container.
// One container rule accepts any name so that an unknown layout is reported
// with the list of known ones instead of silently becoming a paragraph.
import type { MarkdownIt, Token, Renderer } from 'markdown-it';
import container from 'markdown-it-container';

/** Where the generated outline goes (`::: outline`): the deck fills it in once every part is known (src/deck/outline.ts). */
export const OUTLINE_PLACEHOLDER = '<!--iur:outline-->';

/** Layouts that shape the whole slide: lifted onto its <section>. */
export const SLIDE_LAYOUTS = ['title', 'divider', 'outline', 'centered'] as const;
/** Layouts for a block inside a slide. */
export const BLOCK_LAYOUTS = ['columns', 'column', 'note', 'small', 'cards'] as const;
export const LAYOUTS: readonly string[] = [...SLIDE_LAYOUTS, ...BLOCK_LAYOUTS];

export const LAYOUT_OPEN = 'container_layout_open';
export const LAYOUT_CLOSE = 'container_layout_close';

/** The layout name of a container token's info string (`::: columns {.x}` → columns). */
export function layoutName(info: string): string {
  return info.trim().split(/\s+/, 1)[0] ?? '';
}

/** The opening token matching the closing container token at `idx`. */
function openerOf(tokens: Token[], idx: number): Token | undefined {
  let depth = 0;
  for (let i = idx - 1; i >= 0; i--) {
    if (tokens[i].type === LAYOUT_CLOSE) depth++;
    else if (tokens[i].type === LAYOUT_OPEN) {
      if (depth === 0) return tokens[i];
      depth--;
    }
  }
  return undefined;
}

export function layoutsPlugin(md: MarkdownIt): void {
  md.use(container, 'layout', {
    validate: (params: string) => /^\s*[\w-]+/.test(params),
    render: (tokens: Token[], idx: number, options: MarkdownIt['options'], _env: unknown, self: Renderer) => {
      const token = tokens[idx];
      if (token.nesting === 1) {
        token.attrJoin('class', `layout-${layoutName(token.info)}`);
        return self.renderToken(tokens, idx, options);
      }
      // The outline's list is filled in once all parts are known (src/deck/outline.ts).
      const open = openerOf(tokens, idx);
      const outline = open && layoutName(open.info) === 'outline' ? OUTLINE_PLACEHOLDER : '';
      return outline + self.renderToken(tokens, idx, options);
    },
  });
}
