// `::: cards`: a list whose items are short parallel points, shown as two to
// four cards side by side. Each top-level item is a card; an optional heading
// starts it, and `{icon=name}` (markdown-it-attrs) on the heading, the item or
// its text puts a Lucide icon at the card's top (inlined SVG, src/markdown/icons.ts).
//
//   ::: cards
//   - ### 特征一 {icon=building-2}
//     产业技术联盟的主体是企业
//   - ### 特征二 {icon=cpu}
//     产业技术联盟的本质是技术联盟
//   :::
//
// `::: cards 1` sets the cards as rows, `::: cards 2` in two columns; the
// default is one column per card (three for more than four cards).
//
// The HTML stays a list: <div class="layout-cards" data-cards="2" data-columns="2"><ul class="cards">
// <li class="card"><h3><svg class="card-icon">…</svg>特征一</h3><p>…</p></li>…
import type { MarkdownIt, Token } from 'markdown-it';
import { envOf, report } from '../env.ts';
import { iconSvg, similarIcons } from '../icons.ts';
import { LAYOUT_CLOSE, LAYOUT_OPEN, layoutName } from './layouts.ts';
import { plural } from '../../shared/plural.ts';

export const MIN_CARDS = 2;
export const MAX_CARDS = 4;

/** Index of the token closing the block opened at `open` (same type family, same level). */
function closing(tokens: Token[], open: number): number {
  const closeType = tokens[open].type.replace(/_open$/, '_close');
  for (let i = open + 1; i < tokens.length; i++) {
    if (tokens[i].type === closeType && tokens[i].level === tokens[open].level) return i;
  }
  return tokens.length - 1;
}

/** Takes the `icon` attribute off the tokens of one card; the first one found wins. */
function takeIcon(tokens: Token[], from: number, to: number): { name: string; line0: number } | undefined {
  let found: { name: string; line0: number } | undefined;
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    const name = t.attrGet('icon');
    if (name === null) continue;
    t.attrs = (t.attrs ?? []).filter(([k]) => k !== 'icon');
    if (t.attrs.length === 0) t.attrs = null;
    found ??= { name: String(name), line0: t.map?.[0] ?? tokens[from].map?.[0] ?? 0 };
  }
  return found;
}

function iconToken(state: { Token: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token }, svg: string): Token {
  const token = new state.Token('html_inline', '', 0);
  token.content = svg;
  return token;
}

export function cardsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('iur_cards', (state) => {
    const env = envOf(state);
    const tokens = state.tokens;
    for (let c = 0; c < tokens.length; c++) {
      const open = tokens[c];
      if (open.type !== LAYOUT_OPEN || layoutName(open.info) !== 'cards') continue;
      const line0 = open.map?.[0] ?? 0;
      const close = tokens.findIndex((t, i) => i > c && t.type === LAYOUT_CLOSE && t.level === open.level);
      const end = close < 0 ? tokens.length : close;
      const list = tokens.findIndex(
        (t, i) => i > c && i < end && t.level === open.level + 1 && /^(bullet|ordered)_list_open$/.test(t.type),
      );
      if (list < 0) {
        if (env) report(env, line0, '::: cards holds no list: write each card as a list item (- ### heading, then its text)');
        continue;
      }
      tokens[list].attrJoin('class', 'cards');
      const listEnd = closing(tokens, list);
      let count = 0;
      for (let i = list + 1; i < listEnd; i++) {
        const item = tokens[i];
        if (item.type !== 'list_item_open' || item.level !== tokens[list].level + 1) continue;
        count++;
        item.attrJoin('class', 'card');
        const itemEnd = closing(tokens, i);
        // A card's text is a real paragraph even in a tight list (readers of the DOM, like the PPTX export, see a <p>).
        for (let k = i; k < itemEnd; k++) if (/^paragraph_(open|close)$/.test(tokens[k].type)) tokens[k].hidden = false;
        const icon = takeIcon(tokens, i, itemEnd);
        if (!icon) continue;
        const svg = iconSvg(icon.name);
        if (!svg) {
          if (env) {
            const near = similarIcons(icon.name);
            report(
              env,
              icon.line0,
              `unknown icon "${icon.name}" (icons are Lucide's, lucide.dev/icons${near.length ? `; did you mean ${near.join(', ')}?` : ''})`,
            );
          }
          continue;
        }
        const inline = tokens.slice(i, itemEnd).find((t) => t.type === 'inline');
        if (inline) (inline.children ??= []).unshift(iconToken(state, svg));
      }
      open.attrSet('data-cards', String(count));
      // `::: cards 1` stacks the cards as rows (heading beside the text); `::: cards 2` makes a 2×2 grid of four.
      const asked = /^\S+\s+([1-4])\b/.exec(open.info.trim())?.[1];
      open.attrSet('data-columns', asked ?? String(Math.min(Math.max(count, 1), count > MAX_CARDS ? 3 : MAX_CARDS)));
      if ((count < MIN_CARDS || count > MAX_CARDS) && env) {
        report(env, line0, `::: cards has ${plural(count, 'item')}; cards are for ${MIN_CARDS} to ${MAX_CARDS} parallel items`, 'warning');
      }
    }
  });
}
