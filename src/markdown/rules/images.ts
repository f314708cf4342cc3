// Core rule: local images are resolved against the slide file's folder; a
// missing one is reported with its line, a remote one is refused (the deck
// must work offline), and the src becomes the URL the page can load.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MarkdownIt, Token } from 'markdown-it';
import type { ParseEnv } from '../env.ts';
import { report } from '../env.ts';
import { displayPath } from '../../deck/readSources.ts';

const REMOTE = /^(https?:)?\/\//i;
const INLINE = /^(data|blob):/i;

export function imagesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('iur_images', (state) => {
    const env = state.env as unknown as ParseEnv;
    if (!env?.problems) return;
    const visit = (tokens: Token[], line: number) => {
      for (const token of tokens) {
        const here = token.map?.[0] ?? line;
        if (token.type === 'image') {
          const src = String(token.attrGet('src') ?? '');
          if (REMOTE.test(src)) {
            report(env, here, `remote image ${src}: the deck must work offline; save it under assets/ and link the file`);
          } else if (src && !INLINE.test(src) && env.dir) {
            const file = path.resolve(env.dir, decodeURI(src.split(/[?#]/)[0]));
            if (!existsSync(file)) report(env, here, `image not found: ${src} (looked for ${displayPath(file)})`);
            else if (env.assetUrl) token.attrSet('src', env.assetUrl(file));
          }
        }
        if (token.children) visit(token.children, here);
      }
    };
    visit(state.tokens, 0);
  });
}
