// The print view, made readable for Chromium's tagged PDF (page.pdf({tagged})).
// Chromium builds the PDF's structure tree from the accessibility tree, and
// reveal.js leaves every slide but the first `hidden` and `aria-hidden` (as
// off-screen slides are on screen): so only page 1 had structure. Here, once
// the print layout is done: every printed slide is exposed again (headings,
// paragraphs, lists, tables come from its HTML); each diagram becomes one
// figure (role="img") whose alt text is the description the parse wrote on it
// (src/markdown/diagramDescription.ts); and
// what is not content — backgrounds, footer, page number, the pen's strokes —
// is aria-hidden, an artifact outside the reading order. The DOM order of the
// pages is the slide order, so the reading order is too.

export function exposePrintedSlides(root: ParentNode = document): void {
  for (const section of Array.from(root.querySelectorAll<HTMLElement>('.pdf-page section'))) {
    section.removeAttribute('hidden');
    section.removeAttribute('aria-hidden');
  }
  for (const el of Array.from(root.querySelectorAll('.pdf-page :is(.slide-background, .slide-number-pdf, footer.slide-footer)'))) {
    el.setAttribute('aria-hidden', 'true');
  }
  for (const figure of Array.from(root.querySelectorAll<HTMLElement>('.pdf-page figure.mermaid-diagram'))) {
    figure.setAttribute('role', 'img');
    if (!figure.getAttribute('aria-label')) figure.setAttribute('aria-label', '图');
  }
}
