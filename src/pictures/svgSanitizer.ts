// Cleans an SVG picture brought in from elsewhere before it goes into a
// built deck or an export. An SVG is a document: opened on its own (from
// dist/, say) it runs its scripts and event handlers and loads what it links.
// DOMPurify (cure53, the sanitiser browsers' own Sanitizer API grew from)
// does the cleaning with its SVG profile, in a jsdom window: DOMPurify
// supports jsdom on the server; happy-dom, already a dependency, was tried
// and let `onload` through while dropping the drawing. What goes:
// - scripts, event handlers (on…), <foreignObject> and whatever else the
//   profile does not allow (DOMPurify's own list);
// - every reference that leaves the picture: an href / xlink:href that is
//   not `#id` in the file (nor an embedded bitmap, data:image/png…), a CSS
//   url() that is not, @import — so nothing external and no `file:` link;
// - the DOCTYPE with its entity declarations (XXE), and the references to them.
// jsdom takes about 2 s to load, so it is loaded only when an SVG is cleaned
// (svgClean.ts caches each result by the file's content).
import { createRequire } from 'node:module';

export type SvgCleaning = { svg: string; removed: string[] } | { error: string };

interface DomWindow {
  XMLSerializer: new () => { serializeToString: (node: unknown) => string };
}
interface Purifier {
  sanitize: (dirty: string, config: Record<string, unknown>) => { querySelector: (s: string) => SvgNode | null };
  addHook: (hook: string, run: (node: SvgNode, data: HookData) => void) => void;
  removed: { element?: { nodeName: string }; attribute?: { name: string; value: string } | null }[];
}
interface SvgNode {
  nodeName: string;
  textContent: string | null;
}
interface HookData {
  attrName: string;
  attrValue: string;
  keepAttr: boolean;
}

/** A reference that stays inside the picture: a fragment of this file, or a bitmap embedded in it. */
const LOCAL_REF = /^\s*(#|data:image\/(png|jpe?g|gif|webp|avif)[;,])/i;
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;
const CSS_IMPORT = /@import\b[^;]*;?/gi;

let purifier: { purify: Purifier; window: DomWindow; notes: string[] } | undefined;

/** What one removed reference is called in the finding. */
function describeRef(value: string): string {
  const v = value.trim();
  const shown = v.length > 60 ? `${v.slice(0, 57)}…` : v;
  return /^file:/i.test(v) ? `a file: link (${shown})` : `an external reference (${shown})`;
}

/** CSS with every url() that leaves the picture replaced by none, and @import rules dropped. */
function cleanCss(css: string, notes: string[]): string {
  return css
    .replace(CSS_IMPORT, (rule) => {
      notes.push(`a CSS @import (${rule.trim().slice(0, 60)})`);
      return '';
    })
    .replace(CSS_URL, (whole: string, _q: string, url: string) => {
      if (LOCAL_REF.test(url)) return whole;
      notes.push(describeRef(url));
      return 'none';
    });
}

function loadPurifier(): NonNullable<typeof purifier> {
  const require = createRequire(import.meta.url);
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: DomWindow } };
  const createDOMPurify = require('dompurify') as (window: DomWindow) => Purifier;
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window);
  const notes: string[] = [];
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if ((name === 'href' || name === 'xlink:href' || name === 'src') && !LOCAL_REF.test(data.attrValue)) {
      notes.push(`${data.attrName}: ${describeRef(data.attrValue)}`);
      data.keepAttr = false;
    } else if (/url\(|@import/i.test(data.attrValue)) data.attrValue = cleanCss(data.attrValue, notes);
  });
  purify.addHook('afterSanitizeElements', (node) => {
    if (node.nodeName.toLowerCase() === 'style' && node.textContent) node.textContent = cleanCss(node.textContent, notes);
  });
  return { purify, window, notes };
}

/** The DOCTYPE (with any entity declarations), the XML declaration and other processing instructions, taken out first. */
function stripProlog(text: string, removed: string[]): string {
  let out = text.replace(/^\uFEFF/, '').replace(/^\s*<\?xml\s[^?]*\?>/, '');
  out = out.replace(/<\?[\s\S]*?\?>/g, (pi) => {
    removed.push(`a processing instruction (${pi.slice(0, 40)})`);
    return '';
  });
  const entities: string[] = [];
  out = out.replace(/<!DOCTYPE\b(?:[^[>]|\[[\s\S]*?\])*>/gi, (doctype) => {
    for (const m of doctype.matchAll(/<!ENTITY\s+%?\s*([\w.:-]+)/g)) entities.push(m[1]);
    removed.push(entities.length > 0 ? `the DOCTYPE's entity declarations (${entities.join(', ')})` : 'the DOCTYPE');
    return '';
  });
  for (const name of entities) out = out.split(`&${name};`).join('');
  return out;
}

/** The SVG cleaned, and what was taken out (empty when nothing was); an error when it holds no <svg>. */
export function sanitizeSvg(source: string): SvgCleaning {
  purifier ??= loadPurifier();
  const { purify, window, notes } = purifier;
  const removed: string[] = [];
  const text = stripProlog(source, removed);
  notes.length = 0;
  const fragment = purify.sanitize(text, { USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['use'], RETURN_DOM: true });
  const root = fragment.querySelector('svg');
  if (!root) return { error: 'it holds no <svg> element that survives cleaning: it is not an SVG picture' };
  for (const r of purify.removed) {
    if (r.element && !/^(#text|#comment|body|html|head)$/i.test(r.element.nodeName)) removed.push(`<${r.element.nodeName}>`);
    else if (r.attribute && /^on/i.test(r.attribute.name)) removed.push(`the event handler ${r.attribute.name}`);
    else if (r.attribute && !/^(xlink:)?href$|^src$/i.test(r.attribute.name)) removed.push(`the attribute ${r.attribute.name}`);
  }
  removed.push(...notes);
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new window.XMLSerializer().serializeToString(root)}\n`;
  return { svg, removed: [...new Set(removed)] };
}
