// Reads a built page back the way a browser does (parse5, the WHATWG HTML
// parser) before it is shipped: its slides as file:line, in order (a build
// checks they are exactly the deck's), and its scripts, none of which may be
// empty or missing — a 0-byte deck script is a blank deck on the day.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

export interface BuiltPage {
  /** file:line of each `<section data-file data-line>`, in document order. */
  slides: string[];
  /** Each executable script: its src, or the length of its inline text. */
  scripts: { src?: string; inline: number }[];
}

export function readBuiltPage(html: string): BuiltPage {
  const page: BuiltPage = { slides: [], scripts: [] };
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      if (node.tagName === 'section') {
        const file = attr('data-file');
        const line = attr('data-line');
        if (file !== undefined && line !== undefined) page.slides.push(`${file}:${line}`);
      }
      const type = attr('type');
      if (node.tagName === 'script' && (type === undefined || type === 'module' || /javascript/i.test(type))) {
        const text = node.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
        page.scripts.push({ src: attr('src'), inline: text.trim().length });
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return page;
}

/** Throws when a script of the page is empty, or its file (relative to `dir`) is missing or empty. */
export async function assertScripts(page: BuiltPage, dir: string): Promise<void> {
  if (page.scripts.length === 0)
    throw new Error(
      'the built page has no script: the client shell is damaged (remove node_modules/.cache/iur-deck/client and build again)',
    );
  for (const script of page.scripts) {
    if (script.src === undefined) {
      if (script.inline === 0) throw new Error('the built page has an empty script: not shipping it');
      continue;
    }
    if (/^(https?:)?\/\//.test(script.src) || script.src.startsWith('data:')) continue;
    const size = await stat(path.join(dir, script.src.split(/[?#]/)[0])).then(
      (s) => s.size,
      () => -1,
    );
    if (size <= 0) throw new Error(`the built page's script ${script.src} is ${size < 0 ? 'missing' : 'empty (0 bytes)'}: not shipping it`);
  }
}
