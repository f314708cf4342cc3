// Core rule: a paragraph that holds one picture and nothing else is a figure,
// `<figure class="picture"><img …><figcaption>…</figcaption></figure>`, which
// the composition pass (src/client/pictures.ts) sizes to the room left on the
// slide. The image's title, `![alt](path "caption")`, becomes the caption.
import type { MarkdownIt, Token } from 'markdown-it';

/** The one image of an inline token that holds nothing else (white space aside), or undefined. */
function loneImage(inline: Token | undefined): Token | undefined {
  if (!inline || inline.type !== 'inline' || !inline.children) return undefined;
  const images = inline.children.filter((t) => t.type === 'image');
  const rest = inline.children.filter(
    (t) => t.type !== 'image' && !(t.type === 'softbreak' || (t.type === 'text' && t.content.trim() === '')),
  );
  return images.length === 1 && rest.length === 0 ? images[0] : undefined;
}

export function picturesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('iur_pictures', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const open = tokens[i];
      const close = tokens[i + 2];
      if (open.type !== 'paragraph_open' || open.hidden || close.type !== 'paragraph_close') continue;
      const image = loneImage(tokens[i + 1]);
      if (!image) continue;
      open.tag = close.tag = 'figure';
      open.attrJoin('class', 'picture');
      const caption = image.attrGet('title');
      if (caption) {
        image.attrs = (image.attrs ?? []).filter(([name]) => name !== 'title');
        close.meta = { ...(close.meta as object), caption };
      }
    }
  });
  const closeRule = md.renderer.rules.paragraph_close;
  md.renderer.rules.paragraph_close = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const caption = (token.meta as { caption?: string } | null)?.caption;
    const html = closeRule ? closeRule(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    return caption ? `<figcaption>${md.utils.escapeHtml(caption)}</figcaption>${html}` : html;
  };
}
