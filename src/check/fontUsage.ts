// Asks Chromium (DevTools protocol) which fonts actually drew the text of a
// slide: anything but the bundled web font is a system fallback.
import type { CDPSession } from 'puppeteer';

export interface FontUse {
  /** A short description of the element whose text used the font. */
  element: string;
  family: string;
  glyphs: number;
}

const TEXT_ELEMENTS = 'h1,h2,h3,h4,h5,h6,p,li,td,th,span,strong,em,b,i,a,blockquote,figcaption,dt,dd,div,code,text,tspan';

export async function systemFontsOnSlide(cdp: CDPSession, rootNodeId: number, sectionSelector: string): Promise<FontUse[]> {
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: rootNodeId,
    selector: TEXT_ELEMENTS.split(',')
      .map((t) => `${sectionSelector} ${t}`)
      .join(','),
  });
  const found: FontUse[] = [];
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const system = fonts.filter((f) => !f.isCustomFont && f.glyphCount > 0);
    if (system.length === 0) continue;
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    const text = outerHTML
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    for (const f of system)
      found.push({ element: text.length > 24 ? `${text.slice(0, 24)}…` : text, family: f.familyName, glyphs: f.glyphCount });
  }
  return found;
}

/** Enables the DOM and CSS domains; returns the document's node id. */
export async function openFontProbe(cdp: CDPSession): Promise<number> {
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  return root.nodeId;
}
