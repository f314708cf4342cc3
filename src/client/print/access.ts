// The print view, made readable for Chromium's tagged PDF (page.pdf({tagged})).
// Chromium builds the PDF's structure tree from the accessibility tree, and
// reveal.js leaves every slide but the first `hidden` and `aria-hidden` (as
// off-screen slides are on screen): so only page 1 had structure. Here, once
// the print layout is done: every printed slide is exposed again (headings,
// paragraphs, lists, tables come from its HTML); each diagram becomes one
// figure (role="img") whose alt text is the text of its Mermaid source; and
// what is not content — backgrounds, footer, page number, the pen's strokes —
// is aria-hidden, an artifact outside the reading order. The DOM order of the
// pages is the slide order, so the reading order is too.

/** The labels of a Mermaid source, in order, once each: its quoted texts, else the words inside its node brackets. */
export function diagramText(source: string): string {
  const clean = (t: string) =>
    t
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  // Not labels: directives, comments, styling.
  source = source
    .split('\n')
    .filter((line) => !/^\s*(%%|classDef\b|class\b|style\b|linkStyle\b|click\b)/.test(line))
    .join('\n');
  let labels = Array.from(source.matchAll(/"([^"\n]*)"/g), (m) => clean(m[1]));
  if (labels.every((l) => !l)) labels = Array.from(source.matchAll(/[[({|>]([^\])}|\n]+)[\])}|]/g), (m) => clean(m[1]));
  return [...new Set(labels.filter((l) => l.length > 0))].join('；');
}

const DIAGRAM = '图：';

export function exposePrintedSlides(root: ParentNode = document): void {
  for (const section of Array.from(root.querySelectorAll<HTMLElement>('.pdf-page section'))) {
    section.removeAttribute('hidden');
    section.removeAttribute('aria-hidden');
  }
  for (const el of Array.from(root.querySelectorAll('.pdf-page :is(.slide-background, .slide-number-pdf, footer.slide-footer)'))) {
    el.setAttribute('aria-hidden', 'true');
  }
  for (const figure of Array.from(root.querySelectorAll<HTMLElement>('.pdf-page figure.mermaid-diagram'))) {
    const source = figure.querySelector('.mermaid-source')?.textContent ?? '';
    const text = diagramText(source) || (figure.querySelector('svg')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', `${DIAGRAM}${text}`);
  }
}
