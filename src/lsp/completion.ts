// Completion: what the author is typing (contextAt.ts) completed from the
// lists the parser and the page keep — containers with a snippet of the whole
// block (containers.ts), Lucide icon names after `icon=` (with the icon as a
// picture once one is chosen, resolveCompletion), front-matter keys with their
// kind and what they do, slide classes after `{.`, picture files that exist.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { KIND_WORDS, keysFor } from '../deck/frontMatterKeys.ts';
import { iconNames } from '../markdown/icons.ts';
import { PICTURE_MIME } from '../pictures/limits.ts';
import { PROJECT_ROOT } from '../project/paths.ts';
import { SLIDE_CLASSES } from '../shared/slideClasses.ts';
import { CONTAINER_NAMES, containerHelp, plainSnippet } from './containers.ts';
import type { Span, Typing } from './contextAt.ts';
import { iconMarkdown } from './iconPicture.ts';

export interface CompletionPlace {
  /** The Markdown file (absolute) and its deck's folder. */
  file: string;
  slidesDir: string;
  /** Whether the file is the deck's first (the only one that sets deck keys). */
  isFirst: boolean;
  /** Whether the client expands snippets. */
  snippets: boolean;
}

const rangeOf = (s: Span): Range => ({ start: { line: s.line, character: s.start }, end: { line: s.line, character: s.end } });

function containers(typing: Extract<Typing, { kind: 'container' }>, place: CompletionPlace): CompletionItem[] {
  return CONTAINER_NAMES.map((name) => {
    const help = containerHelp(name);
    // The block's fences as many colons as typed (an outer one needs more); columns has its own four.
    const own = help?.snippet ?? `::: ${name}\n$1\n:::\n$0`;
    const snippet = name === 'columns' ? own : own.replace(/^:::/, typing.colons).replace(/\n:::\n\$0$/, `\n${typing.colons}\n$0`);
    const written = place.snippets ? snippet : plainSnippet(snippet);
    const body = typing.indent ? written.replace(/\n(?=.)/g, `\n${typing.indent}`) : written;
    return {
      label: name,
      kind: CompletionItemKind.Snippet,
      detail: `::: ${name}`,
      documentation: help ? { kind: MarkupKind.Markdown, value: help.doc } : undefined,
      filterText: `${typing.indent}${typing.colons}${typing.gap}${name}`,
      insertTextFormat: place.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: rangeOf(typing.span), newText: typing.indent + body },
    };
  });
}

function icons(span: Span): CompletionItem[] {
  return iconNames().map((name) => ({
    label: name,
    kind: CompletionItemKind.Value,
    detail: 'Lucide icon',
    textEdit: { range: rangeOf(span), newText: name },
    data: { icon: name },
  }));
}

function frontMatterKeys(typing: Extract<Typing, { kind: 'frontMatterKey' }>, place: CompletionPlace): CompletionItem[] {
  return keysFor(place.isFirst)
    .filter((k) => !typing.present.includes(k.name))
    .map((k) => ({
      label: k.name,
      kind: CompletionItemKind.Property,
      detail: `${k.scope === 'deck' ? 'deck' : 'part'} key: ${KIND_WORDS[k.kind]}${k.default ? ` (default ${k.default})` : ''}`,
      documentation: { kind: MarkupKind.Markdown, value: k.doc },
      textEdit: { range: rangeOf(typing.span), newText: `${k.name}: ` },
    }));
}

function classes(span: Span): CompletionItem[] {
  return SLIDE_CLASSES.map((c) => ({
    label: c.name,
    kind: CompletionItemKind.EnumMember,
    detail: `.${c.name}`,
    documentation: { kind: MarkupKind.Markdown, value: c.doc },
    textEdit: { range: rangeOf(span), newText: c.name },
  }));
}

/** Picture files below `dir` (a few levels, no hidden or installed folders), relative to it, at most `limit`. */
function picturesBelow(dir: string, limit = 400): string[] {
  const found: string[] = [];
  const walk = (folder: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (found.length >= limit || e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(folder, e.name);
      if (e.isDirectory() && depth < 3) walk(full, depth + 1);
      else if (e.isFile() && path.extname(e.name).toLowerCase() in PICTURE_MIME)
        found.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir, 0);
  return found.sort();
}

function pictures(typing: Extract<Typing, { kind: 'picture' }>, place: CompletionPlace): CompletionItem[] {
  const here = picturesBelow(path.dirname(place.file));
  const assets = picturesBelow(path.join(PROJECT_ROOT, 'assets')).map((p) => `/assets/${p}`);
  return [...here, ...assets].map((p) => ({
    label: p,
    kind: CompletionItemKind.File,
    detail: p.startsWith('/assets/') ? "the project's assets/" : 'beside this file',
    textEdit: { range: rangeOf(typing.span), newText: p },
  }));
}

export function completions(typing: Typing | undefined, place: CompletionPlace): CompletionItem[] {
  switch (typing?.kind) {
    case 'container':
      return containers(typing, place);
    case 'icon':
      return icons(typing.span);
    case 'frontMatterKey':
      return frontMatterKeys(typing, place);
    case 'class':
      return classes(typing.span);
    case 'picture':
      return pictures(typing, place);
    default:
      return [];
  }
}

/** An icon item, completed with the icon itself as a picture. */
export function resolveCompletion(item: CompletionItem): CompletionItem {
  const icon = (item.data as { icon?: unknown } | undefined)?.icon;
  if (typeof icon !== 'string') return item;
  const doc = iconMarkdown(icon);
  return doc ? { ...item, documentation: { kind: MarkupKind.Markdown, value: doc } } : item;
}
