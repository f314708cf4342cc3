// An icon as the editor shows it in completion and hover: the Lucide file as
// a picture (a data: URI in Markdown, which VS Code and Neovim's Markdown
// float both take), its strokes grey so that it shows on light and dark
// themes alike, and its name.
import { iconFile } from '../markdown/icons.ts';

export function iconMarkdown(name: string): string | undefined {
  const svg = iconFile(name);
  if (!svg) return undefined;
  const picture = svg
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/currentColor/g, '#808080')
    .replace(/\s(width|height)="[^"]*"/g, (_, attr: string) => ` ${attr}="48"`)
    .trim();
  return `![${name}](data:image/svg+xml;base64,${Buffer.from(picture).toString('base64')})\n\n\`${name}\` — Lucide icon`;
}
