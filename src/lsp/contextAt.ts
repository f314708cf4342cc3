// What the text at the cursor is, for completion and hover: a front-matter
// key being typed, a container's name after `:::`, an icon's name after
// `icon=`, a class after `{.`, a picture's path in `![…](`, or a name under
// the cursor to explain. Plain functions of the lines: they never fail on a
// half-typed line (nothing here throws), they only find less.

/** 0-based. */
export interface Span {
  line: number;
  start: number;
  end: number;
}

export type Typing =
  | { kind: 'frontMatterKey'; span: Span; present: string[] }
  | { kind: 'container'; span: Span; colons: string; indent: string; gap: string }
  | { kind: 'icon'; span: Span }
  | { kind: 'class'; span: Span }
  | { kind: 'picture'; span: Span; typed: string };

export type Pointed =
  | { kind: 'frontMatterKey'; name: string; span: Span }
  | { kind: 'container'; name: string; span: Span }
  | { kind: 'icon'; name: string; span: Span }
  | { kind: 'picture'; src: string; span: Span };

/** The lines of the front matter (1 … end-1), when the file opens with one; an unclosed one runs to the end. */
export function frontMatterLines(lines: readonly string[]): { from: number; to: number } | undefined {
  if (!/^(\uFEFF)?---\s*$/.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  return { from: 1, to: close < 0 ? lines.length : close };
}

function inFrontMatter(lines: readonly string[], line: number): boolean {
  const fm = frontMatterLines(lines);
  return fm !== undefined && line >= fm.from && line < fm.to;
}

/** What is being typed just before `character` on `line`. */
export function typingAt(lines: readonly string[], line: number, character: number): Typing | undefined {
  const text = lines[line] ?? '';
  const before = text.slice(0, character);
  const span = (length: number): Span => ({ line, start: character - length, end: character });
  if (inFrontMatter(lines, line)) {
    const key = /^([\w-]*)$/.exec(before);
    if (!key) return undefined;
    const fm = frontMatterLines(lines) ?? { from: 1, to: 1 };
    const present = lines.slice(fm.from, fm.to).flatMap((l, i) => (fm.from + i === line ? [] : (/^([\w-]+)\s*:/.exec(l)?.slice(1) ?? [])));
    return { kind: 'frontMatterKey', span: span(key[1].length), present };
  }
  const container = /^(\s*)(:{3,})(\s*)([\w-]*)$/.exec(before);
  if (container) {
    const [, indent, colons, gap] = container;
    return { kind: 'container', span: { line, start: 0, end: character }, colons, indent, gap: gap || ' ' };
  }
  const icon = /\bicon=([\w-]*)$/.exec(before);
  if (icon) return { kind: 'icon', span: span(icon[1].length) };
  const cls = /\{(?:[^{}]*\s)?\.([\w-]*)$/.exec(before);
  if (cls) return { kind: 'class', span: span(cls[1].length) };
  const picture = /!\[[^\]]*\]\(([^)\s]*)$/.exec(before);
  if (picture) return { kind: 'picture', span: span(picture[1].length), typed: picture[1] };
  return undefined;
}

/** The match of `re` (flags d and g) on the line that covers `character`: its group `group` and where that starts. */
function covering(text: string, re: RegExp, character: number, group: number): { value: string; start: number } | undefined {
  for (const m of text.matchAll(re)) {
    const at = m.indices?.[group];
    if (at && character >= m.index && character <= m.index + m[0].length) return { value: m[group], start: at[0] };
  }
  return undefined;
}

/** The name under the cursor worth explaining. */
export function pointedAt(lines: readonly string[], line: number, character: number): Pointed | undefined {
  const text = lines[line] ?? '';
  const span = (start: number, value: string): Span => ({ line, start, end: start + value.length });
  if (inFrontMatter(lines, line)) {
    const key = /^([\w-]+)\s*:/.exec(text);
    return key && character <= key[1].length ? { kind: 'frontMatterKey', name: key[1], span: span(0, key[1]) } : undefined;
  }
  const container = /^(\s*:{3,}\s*)([\w-]+)/.exec(text);
  if (container && character <= container[0].length) {
    return { kind: 'container', name: container[2], span: span(container[1].length, container[2]) };
  }
  const icon = covering(text, /\bicon=([\w-]+)/dg, character, 1);
  if (icon) return { kind: 'icon', name: icon.value, span: span(icon.start, icon.value) };
  const picture = covering(text, /!\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/dg, character, 1);
  if (picture) return { kind: 'picture', src: picture.value, span: span(picture.start, picture.value) };
  return undefined;
}
