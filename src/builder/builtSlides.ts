// Reads a built page back the way a browser does (parse5, the WHATWG HTML
// parser) and lists its slides as file:line, in order: a build checks that
// the page it is about to ship holds exactly the deck's slides.
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/** file:line of each `<section data-file data-line>` of the page, in document order. */
export function slidesInHtml(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node && node.tagName === 'section') {
      const file = node.attrs.find((a) => a.name === 'data-file')?.value;
      const line = node.attrs.find((a) => a.name === 'data-line')?.value;
      if (file !== undefined && line !== undefined) found.push(`${file}:${line}`);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return found;
}
