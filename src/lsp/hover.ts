// Hover: an icon shows itself (or the closest names when there is no such
// icon), a front-matter key what it takes and does, a container what it is
// for, a picture its size and where it was found — looked up as the parser
// looks it up (src/markdown/rules/images.ts), so the hover and `check` agree.
import { statSync } from 'node:fs';
import path from 'node:path';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { FRONT_MATTER_KEYS, KIND_WORDS } from '../deck/frontMatterKeys.ts';
import { iconSvg, similarIcons } from '../markdown/icons.ts';
import { naturalSize, pictureFile } from '../markdown/rules/images.ts';
import { displayPath } from '../project/readSources.ts';
import { containerHelp } from './containers.ts';
import type { Pointed } from './contextAt.ts';
import { iconMarkdown } from './iconPicture.ts';

function pictureText(src: string, file: string, slidesDir: string): string {
  if (/^(https?:)?\/\//i.test(src) || /^(data|blob):/i.test(src)) return `\`${src}\`: not a file of the deck`;
  const found = pictureFile(src, path.dirname(file), slidesDir);
  let bytes: number;
  try {
    const info = statSync(found);
    if (!info.isFile()) return `\`${src}\`: ${displayPath(found)} is not a file`;
    bytes = info.size;
  } catch {
    return `\`${src}\`: not found (looked for ${displayPath(found)})`;
  }
  const size = naturalSize(found);
  const kb = bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `**${size ? `${size.width} × ${size.height} px` : 'picture'}**, ${kb}\n\nfound at \`${displayPath(found)}\``;
}

function text(pointed: Pointed, file: string, slidesDir: string): string | undefined {
  switch (pointed.kind) {
    case 'icon':
      return iconSvg(pointed.name)
        ? iconMarkdown(pointed.name)
        : `no Lucide icon \`${pointed.name}\`; the closest: ${similarIcons(pointed.name)
            .map((n) => `\`${n}\``)
            .join(', ')}`;
    case 'frontMatterKey': {
      const key = FRONT_MATTER_KEYS.find((k) => k.name === pointed.name);
      if (!key) return undefined;
      const scope = key.scope === 'deck' ? 'deck key (first file only)' : 'part key (any file)';
      return `**${key.name}**: ${KIND_WORDS[key.kind]}, ${scope}${key.default ? `, default \`${key.default}\`` : ''}\n\n${key.doc}`;
    }
    case 'container': {
      const help = containerHelp(pointed.name);
      return help ? `**::: ${pointed.name}**\n\n${help.doc}` : undefined;
    }
    case 'picture':
      return pictureText(pointed.src, file, slidesDir);
  }
}

export function hoverFor(pointed: Pointed | undefined, file: string, slidesDir: string): Hover | null {
  if (!pointed) return null;
  const value = text(pointed, file, slidesDir);
  if (!value) return null;
  const { span } = pointed;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: { line: span.line, character: span.start }, end: { line: span.line, character: span.end } },
  };
}
