// Builds the Deck model from the source files: parses each file once with
// markdown-it, splits it into slides, renders their HTML and records where
// every slide, diagram and problem comes from.
import path from 'node:path';
import type { MarkdownIt, Token } from 'markdown-it';
import type { Deck, DeckMeta, Diagram, Part, Slide } from './model.ts';
import type { Problem } from '../shared/problem.ts';
import type { ParseEnv } from '../markdown/env.ts';
import type { SourceFile } from '../project/readSources.ts';
import { readFrontMatter } from './frontMatter.ts';
import { FRONT_MATTER_KEYS } from './frontMatterKeys.ts';
import { splitSlides } from './splitSlides.ts';
import { LAYOUT_OPEN, SLIDE_LAYOUTS, layoutName, OUTLINE_PLACEHOLDER } from '../markdown/rules/layouts.ts';
import { isMermaid } from '../markdown/rules/mermaid.ts';
import { renderOutline } from './outline.ts';
import type { Roots } from '../project/contain.ts';
import { needsOf, type Needs, type Renderers } from '../markdown/renderers.ts';
import { codeSteps, orderFragments } from './fragmentOrder.ts';

export interface ParseResult {
  deck: Deck;
  /** Errors and warnings, in file and line order. */
  problems: Problem[];
}

/** A key's default, from the one list of keys. */
const defaultOf = (name: string): string => FRONT_MATTER_KEYS.find((k) => k.name === name)?.default ?? '';
const DEFAULT_META: DeckMeta = { title: '', lang: defaultOf('lang'), theme: defaultOf('theme') };

/** A deck without a `title`: its first heading, else a word for "untitled" in its language. */
function fallbackTitle(slides: Slide[], lang: string): string {
  const heading = slides.find((s) => s.title)?.title;
  if (heading) return heading;
  return /^zh\b/i.test(lang) ? '未命名演示' : 'Untitled deck';
}

/** Plain text of an inline token (markup removed). */
export function inlineText(token: Token | undefined): string {
  if (!token) return '';
  if (!token.children) return token.content;
  return token.children
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
    .join('')
    .trim();
}

function firstHeading(tokens: Token[]): string {
  const i = tokens.findIndex((t) => t.type === 'heading_open');
  return i < 0 ? '' : inlineText(tokens[i + 1]);
}

function countFragments(tokens: Token[]): number {
  let n = 0;
  const visit = (list: Token[]) => {
    for (const t of list) {
      if (t.nesting !== -1 && /(^|\s)fragment(\s|$)/.test(String(t.attrGet('class') ?? ''))) n++;
      if (t.children) visit(t.children);
    }
  };
  visit(tokens);
  return n;
}

export interface ParseOptions {
  /** How the page refers to a local image (absolute path in, URL out). */
  assetUrl?: (absolute: string) => string;
  /** The folders the deck may read below (src/project/contain.ts). */
  roots?: Roots;
  /**
   * Called with each file's tokens as parsed, before they are rendered: what
   * reads the parse further (the language server's text checks and outline)
   * reads this one, never a second parse.
   */
  onTokens?: (source: SourceFile, tokens: Token[]) => void;
  /** Code highlighting and formulas, loaded for what the deck uses (src/markdown/renderers.ts); none: plain. */
  renderers?: Renderers;
}

/** One file parsed to tokens, not yet rendered. */
export interface ParsedFile {
  source: SourceFile;
  env: ParseEnv;
  tokens: Token[];
}

/** Every file to tokens (markdown-it's parse, once per file): what the renderers to load are read from. */
export function parseFiles(sources: SourceFile[], md: MarkdownIt, options: ParseOptions = {}): ParsedFile[] {
  return sources.map((source) => {
    const env: ParseEnv = {
      file: source.file,
      problems: [],
      dir: source.absolute ? path.dirname(source.absolute) : undefined,
      assetUrl: options.assetUrl,
      roots: options.roots,
      formulas: [],
    };
    const tokens = md.parse(source.text, env);
    options.onTokens?.(source, tokens);
    return { source, env, tokens };
  });
}

export function parseDeck(sources: SourceFile[], md: MarkdownIt, options: ParseOptions = {}): ParseResult {
  return renderDeck(parseFiles(sources, md, options), md, options);
}

/** The Deck model from the parsed files: slides split and rendered (with `options.renderers`); `known`: what their tokens hold, if the caller read it already. */
export function renderDeck(files: ParsedFile[], md: MarkdownIt, options: ParseOptions = {}, known?: Needs): ParseResult {
  const sources = files.map((f) => f.source);
  const problems: Problem[] = [];
  const meta: DeckMeta = { ...DEFAULT_META };
  const parts: Part[] = [];
  const slides: Slide[] = [];
  let h = -1;
  let v = 0;

  files.forEach(({ source, env, tokens }, fileIndex) => {
    Object.assign(env, options.renderers);
    const matter =
      tokens[0]?.type === 'front_matter'
        ? readFrontMatter(typeof tokens[0].meta === 'string' ? tokens[0].meta : '', source.file, fileIndex === 0, env.problems)
        : { deck: {}, part: {} };
    if (fileIndex === 0) Object.assign(meta, matter.deck);

    const pieces = splitSlides(tokens, source.text.split('\n').length, env);
    const part: Part = {
      index: parts.length,
      file: source.file,
      title: matter.part.part ?? firstHeading(pieces[0]?.body ?? []),
      marker: matter.part.marker ?? '',
      inOutline: Boolean(matter.part.part && matter.part.marker),
      firstSlide: slides.length,
    };
    if (!part.title) part.title = source.file;
    parts.push(part);

    pieces.forEach((piece, i) => {
      if (piece.vertical && i > 0) v++;
      else {
        h++;
        v = 0;
      }
      const layoutToken = piece.body.find((t) => t.type === LAYOUT_OPEN && t.level === 0);
      const layout = layoutToken ? layoutName(layoutToken.info) : '';
      const diagrams: Diagram[] = piece.body
        .filter((t) => t.type === 'fence' && isMermaid(t.info))
        .map((t) => ({ pos: { file: source.file, line: (t.map?.[0] ?? 0) + 1 }, code: t.content }));
      orderFragments(piece.body);
      slides.push({
        index: slides.length,
        h,
        v,
        pos: { file: source.file, line: piece.start + 1 },
        endLine: piece.end,
        part: part.index,
        title: firstHeading(piece.body),
        layout: (SLIDE_LAYOUTS as readonly string[]).includes(layout) ? layout : '',
        html: md.renderer.render(piece.body, md.options, env),
        notes: piece.notes.length ? md.renderer.render(piece.notes, md.options, env) : '',
        diagrams,
        fragments: countFragments(piece.body) + codeSteps(piece.body),
      });
    });
    problems.push(...env.problems.sort((a, b) => a.pos.line - b.pos.line));
  });

  if (slides.length === 0 && sources.length > 0) {
    problems.push({
      pos: { file: sources[0].file, line: 1 },
      level: 'error',
      message: 'the deck has no slides: its files hold only front matter (write a heading or text after the closing ---)',
    });
  }
  if (!meta.title) meta.title = fallbackTitle(slides, meta.lang);

  for (const slide of slides) {
    if (slide.html.includes(OUTLINE_PLACEHOLDER)) {
      slide.html = slide.html.replace(OUTLINE_PLACEHOLDER, renderOutline(parts, slides, slide.part));
    }
  }

  const needs = known ?? needsOf(files.map((f) => f.tokens));
  const text = [meta.title, meta.subtitle, meta.author, meta.organisation, meta.date, meta.short, ...sources.map((s) => s.text)].join('\n');
  const deck: Deck = { meta, files: sources.map((s) => s.file), parts, slides, text };
  if (needs.mono) deck.codeText = needs.codeText;
  if (needs.math) deck.math = true;
  const formulas = files.flatMap(({ source, env }) => (env.formulas ?? []).map((f) => ({ file: source.file, ...f })));
  if (formulas.length > 0) deck.formulas = formulas;
  return { deck, problems };
}
