// The one markdown-it instance of iur-deck: CommonMark plus the plugins a
// slide deck needs. Everything that parses Markdown goes through this.
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownItInstance } from 'markdown-it';
import frontMatterUntyped from 'markdown-it-front-matter';
import attrs from 'markdown-it-attrs';
import cjkFriendly from 'markdown-it-cjk-friendly';
import cjkBreaks from 'markdown-it-cjk-breaks';
import { slideBreakPlugin } from './rules/slideBreak.ts';
import { notesPlugin } from './rules/notes.ts';
import { layoutsPlugin } from './rules/layouts.ts';
import { mermaidPlugin } from './rules/mermaid.ts';
import { structurePlugin } from './rules/structure.ts';
import { imagesPlugin } from './rules/images.ts';
import { picturesPlugin } from './rules/pictures.ts';
import { cardsPlugin } from './rules/cards.ts';
import { phraseBreaksPlugin } from './rules/phraseBreaks.ts';
import { sourceLinesPlugin } from './rules/sourceLines.ts';
import { rawHtmlPlugin } from './rules/rawHtml.ts';
import { controlCharsPlugin } from './rules/controlChars.ts';
import { codePlugin } from './rules/code.ts';
import { mathPlugin } from './rules/math.ts';

// markdown-it-front-matter's own types name `markdown-it/lib`, which @types/markdown-it 14 no longer has.
const frontMatter = frontMatterUntyped as (md: unknown, onMeta: (raw: string) => void) => void;

export function createMarkdown(): MarkdownItInstance {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.use(frontMatter, () => {
    /* read from the front_matter token instead: no state kept on the instance */
  });
  md.use(slideBreakPlugin);
  md.use(notesPlugin);
  md.use(layoutsPlugin);
  md.use(attrs, { allowedAttributes: [] });
  md.use(cjkFriendly);
  md.use(cjkBreaks);
  md.use(mathPlugin);
  // Before Mermaid's, whose fence rule hands every other fence to this one.
  md.use(codePlugin);
  md.use(mermaidPlugin);
  md.use(structurePlugin);
  md.use(imagesPlugin);
  md.use(picturesPlugin);
  md.use(cardsPlugin);
  md.use(phraseBreaksPlugin);
  md.use(sourceLinesPlugin);
  md.use(rawHtmlPlugin);
  md.use(controlCharsPlugin);
  return md;
}
