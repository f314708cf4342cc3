// Copies the bundled font's @font-face rules into another document of this
// origin (the speaker view's window), with their url()s made absolute, so
// that window draws Chinese in the deck's font rather than whatever the
// venue PC has (or nothing).
const FAMILY = /IUR Noto Sans SC/;

function absoluteUrls(css: string, base: string): string {
  return css.replace(/url\((["']?)([^"')]+)\1\)/g, (all, _q: string, url: string) => {
    if (/^(data|blob):/.test(url)) return all;
    try {
      return `url("${new URL(url, base).href}")`;
    } catch {
      return all;
    }
  });
}

/** The deck font's @font-face rules, as CSS text that works in any document of this origin. */
export function fontFaceCss(from: Document = document): string {
  const out: string[] = [];
  for (const sheet of Array.from(from.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a sheet of another origin
    }
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSFontFaceRule && FAMILY.test(rule.style.getPropertyValue('font-family'))) {
        out.push(absoluteUrls(rule.cssText, sheet.href ?? from.baseURI));
      }
    }
  }
  return out.join('\n');
}

/** Adds the deck font to `doc` and makes it the first choice for `selector`. */
export function useDeckFont(doc: Document, selector: string): void {
  if (doc.getElementById('iur-deck-font')) return;
  const style = doc.createElement('style');
  style.id = 'iur-deck-font';
  style.textContent = `${fontFaceCss()}\n${selector} { font-family: "IUR Noto Sans SC", Helvetica, Arial, sans-serif; }`;
  doc.head.appendChild(style);
}
