// Raw HTML that would swallow the slides after it is an error at the line it
// opens (src/markdown/rules/rawHtml.ts), for every element whose content the
// browser reads as text, in a slide body and in its notes; HTML that closes
// within its slide passes.
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../../src/markdown/createMarkdown.ts';
import { parseDeck } from '../../../../src/deck/parseDeck.ts';
import { formatProblem } from '../../../../src/shared/problem.ts';

const md = createMarkdown();
const errors = (text: string) =>
  parseDeck([{ file: 'slides/a.md', text }], md)
    .problems.filter((p) => p.level === 'error')
    .map(formatProblem);

const deck = (html: string) => `# One\n\ntext\n\n---\n\n## Two\n\n${html}\n\n---\n\n## Three\n\n---\n\n## Four\n`;

const SWALLOWING = [
  '<!-- forgot to close',
  '<script>',
  '<style>',
  '<title>',
  '<textarea>',
  '<xmp>',
  '<iframe>',
  '<noscript>',
  '<noembed>',
  '<noframes>',
  '<template>',
  '<plaintext>',
];

describe('unclosed raw HTML', () => {
  for (const open of SWALLOWING) {
    it(`${open} left open is an error at its line`, () => {
      const found = errors(deck(`some <b>text</b>\n\n${open}\n\nmore`));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^slides\/a\.md:11: error: /);
      expect(found[0]).toContain(open === '<!-- forgot to close' ? '<!--' : open);
      expect(found[0]).toContain('not closed');
    });
    // An unclosed comment in a paragraph is no HTML to markdown-it: it stays text.
    it(`${open} left open inline, in a paragraph, is an error too (a comment there stays text)`, () => {
      const text = deck(`text ${open} more`);
      if (open.startsWith('<!--')) {
        const result = parseDeck([{ file: 'slides/a.md', text }], md);
        expect(result.deck.slides[1].html).toContain('text &lt;!-- forgot to close more');
        expect(result.deck.slides).toHaveLength(4);
        return;
      }
      expect(errors(text).join('\n')).toMatch(/^slides\/a\.md:9: error: .*not closed/);
    });
    it(`${open} left open in the notes is an error at its line`, () => {
      const found = errors(`# One\n\nNote:\nsay this\n\n${open}\n\n---\n\n## Two\n`);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^slides\/a\.md:6: error: .*speaker notes/);
    });
  }

  it('a tag whose quote never closes is an error', () => {
    expect(errors(deck('<div class="a\n\nmore text')).join('\n')).toMatch(/a\.md:9: error: <div is not closed/);
  });

  it('HTML that closes within its slide is fine, and the deck keeps its four slides', () => {
    const text = deck(
      '<!-- a comment -->\n\n<script>let a = "</p>";</script>\n\n<details><summary>x</summary>y</details> <span>z</span>\n\n<template><b>t</b></template>',
    );
    const result = parseDeck([{ file: 'slides/a.md', text }], md);
    expect(result.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(result.deck.slides).toHaveLength(4);
  });

  it('a <script> that closes only in a later slide has eaten the separator: an error naming it', () => {
    const found = errors(deck('<script>\nlet a = 1;\n\n---\n\n</script>'));
    expect(found.join('\n')).toMatch(/a\.md:9: error: raw HTML opened here runs past the slide separator at line 12/);
  });

  it('a comment closed in the next slide is named at its opening line', () => {
    const found = errors('# One\n\n<!-- start\n\n---\n\n## Two -->\n');
    expect(found.join('\n')).toMatch(/a\.md:3: error: /);
  });
});

describe('HTML that leads out of the deck', () => {
  it('a file: URL in an iframe, a link or a style is an error at its line', () => {
    const found = errors(
      '# One\n\n<iframe src="file:///etc/passwd"></iframe>\n\ntext <a href="FILE:///etc/">x</a>\n\n<div style="background: url(\'file:///x.png\')"></div>\n',
    );
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^slides\/a\.md:3: error: <iframe src="file:\/\/\/etc\/passwd">: a file: URL points into the computer/);
    expect(found[1]).toMatch(/^slides\/a\.md:5: error: <a href=/);
    expect(found[2]).toMatch(/^slides\/a\.md:7: error: <div style=/);
  });

  it('a <meta http-equiv="refresh"> is an error at its line, in notes too', () => {
    expect(errors('# One\n\n<meta http-equiv="Refresh" content="0; url=file:///etc/">\n')).toEqual([
      expect.stringMatching(/^slides\/a\.md:3: error: <meta http-equiv="refresh"> would move the deck/),
    ]);
    expect(errors('# One\n\nNote:\n<meta http-equiv="refresh" content="5">\n')).toHaveLength(1);
  });

  it('the word "file:" in text or in an alt is fine', () => {
    expect(errors('# One\n\nfile: intro.md\n\n<img alt="file: x" src="data:image/png;base64,AA==">\n')).toEqual([]);
  });
});
