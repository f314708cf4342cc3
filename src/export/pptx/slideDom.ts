// Runs inside the page (through page.evaluate): walks reveal.js's print view,
// after fonts, diagrams and fitting are done, and returns each slide as plain
// data for writePptx.ts. Generic, not tied to the theme's class names: a block
// with text becomes a text box (a list one box with its bullets, a table a
// table), anything with a background or border a shape, an <svg>/<img> a
// picture. Pseudo-elements that draw (rules, bars) are measured through a
// short-lived copy. Self-contained: Puppeteer sends this function's source
// text to the browser, so it may use no imports or outer variables.
import type { Border, Box, Bullet, Cell, Colour, Item, Paragraph, Run, SlideData } from './slideData.ts';

export interface ReadOptions {
  /** `file:line` of the slides to read; null: all. */
  keep: string[] | null;
  /** Font families to name in the SVG text of pictures, first choice first. */
  svgFonts: string;
}

export function readSlides(options: ReadOptions): SlideData[] {
  const keep = options.keep ? new Set(options.keep) : null;
  const quiet = document.createElement('style');
  quiet.textContent = '[data-iur-no-before]::before,[data-iur-no-after]::after{content:none!important;display:none!important}';
  document.head.appendChild(quiet);
  // Inline boxes flow in their block's text; an inline-block is a box of its own (a motto, a badge).
  const INLINE = new Set(['inline', 'contents', 'ruby']);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'ASIDE']);

  const colour = (css: string): Colour | undefined => {
    const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(css);
    if (!m) return undefined;
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
    const hex = [m[1], m[2], m[3]].map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('').toUpperCase();
    return { hex, alpha };
  };
  const visible = (c: Colour | undefined): c is Colour => c !== undefined && c.alpha > 0.02;
  const px = (v: string): number => Number.parseFloat(v) || 0;

  let origin = { x: 0, y: 0 };
  const boxOf = (r: DOMRect): Box => ({ x: r.left - origin.x, y: r.top - origin.y, w: r.width, h: r.height });

  const borderOf = (cs: CSSStyleDeclaration, side: string): Border | null => {
    const style = cs.getPropertyValue(`border-${side}-style`);
    const width = px(cs.getPropertyValue(`border-${side}-width`));
    const c = colour(cs.getPropertyValue(`border-${side}-color`));
    if (style === 'none' || style === 'hidden' || width <= 0 || !visible(c)) return null;
    return { colour: c, width };
  };

  /** Background and borders of a box as shapes: a fill, an outline, or a thin bar per border side. */
  const shapesOf = (cs: CSSStyleDeclaration, box: Box, tag: string, out: Item[]): void => {
    if (box.w <= 0 || box.h <= 0) return;
    const fill = colour(cs.backgroundColor);
    const sides = ['top', 'right', 'bottom', 'left'].map((s) => borderOf(cs, s));
    const same = sides.every((s) => s && sides[0] && s.width === sides[0].width && s.colour.hex === sides[0].colour.hex);
    const radius = px(cs.borderTopLeftRadius);
    if (visible(fill) || same) {
      out.push({ kind: 'shape', box, fill: visible(fill) ? fill : undefined, line: same ? (sides[0] ?? undefined) : undefined, radius, tag });
    }
    if (same) return;
    const [top, right, bottom, left] = sides;
    if (top) out.push({ kind: 'shape', box: { x: box.x, y: box.y, w: box.w, h: top.width }, fill: top.colour, radius: 0, tag: `${tag} border` });
    if (bottom) out.push({ kind: 'shape', box: { x: box.x, y: box.y + box.h - bottom.width, w: box.w, h: bottom.width }, fill: bottom.colour, radius: 0, tag: `${tag} border` });
    if (left) out.push({ kind: 'shape', box: { x: box.x, y: box.y, w: left.width, h: box.h }, fill: left.colour, radius: 0, tag: `${tag} border` });
    if (right) out.push({ kind: 'shape', box: { x: box.x + box.w - right.width, y: box.y, w: right.width, h: box.h }, fill: right.colour, radius: 0, tag: `${tag} border` });
  };

  const hidden = (cs: CSSStyleDeclaration): boolean =>
    cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse' || Number(cs.opacity) === 0;

  /** Pseudo-elements of the page being read, measured together once its walk is done. */
  interface PendingPseudo {
    el: Element;
    which: '::before' | '::after';
    copy: HTMLElement;
    text: string;
    /** Where its items go in the slide's list (drawing order). */
    index: number;
  }
  let pending: PendingPseudo[] = [];

  /**
   * A pseudo-element that draws (a background, a border or text) is measured
   * through a copy with its computed style, put in its place while the
   * pseudo-element steps aside. List items' ::before are their bullets: the
   * list's paragraphs carry them.
   */
  const pseudoItems = (el: Element, which: '::before' | '::after', out: Item[]): void => {
    const cs = getComputedStyle(el, which);
    const content = cs.content;
    if (!content || content === 'none' || content === 'normal' || cs.display === 'none') return;
    if (el.tagName === 'LI') return;
    const text = /^"(.*)"$/.exec(content)?.[1] ?? '';
    const draws = visible(colour(cs.backgroundColor)) || ['top', 'right', 'bottom', 'left'].some((s) => borderOf(cs, s)) || text.trim() !== '';
    if (!draws) return;
    const copy = document.createElement('iur-pseudo');
    for (let i = 0; i < cs.length; i++) {
      const name = cs[i];
      copy.style.setProperty(name, cs.getPropertyValue(name));
    }
    copy.textContent = text;
    pending.push({ el, which, copy, text, index: out.length });
  };

  /** Puts every pending copy in place, measures them in one layout, takes them out again. */
  const measurePseudos = (out: Item[]): void => {
    for (const p of pending) {
      p.el.setAttribute(`data-iur-no-${p.which.slice(2)}`, '');
      if (p.which === '::before') p.el.prepend(p.copy);
      else p.el.append(p.copy);
    }
    const measured = pending.map((p) => {
      const items: Item[] = [];
      const box = boxOf(p.copy.getBoundingClientRect());
      const ccs = getComputedStyle(p.copy);
      const tag = `${p.el.tagName.toLowerCase()}${p.which}`;
      shapesOf(ccs, box, tag, items);
      if (p.text.trim() !== '') {
        items.push({
          kind: 'text',
          box: contentBox(p.copy, ccs),
          tag,
          paragraphs: [{ runs: [runOf(p.text, ccs)], align: alignOf(ccs), lineHeight: lineHeightOf(ccs), spaceBefore: 0, indent: 0, bulletAt: 0, level: 0 }],
        });
      }
      return items;
    });
    for (const p of pending) {
      p.copy.remove();
      p.el.removeAttribute(`data-iur-no-${p.which.slice(2)}`);
    }
    // Last first, so that the earlier places stay where they were.
    for (let i = pending.length - 1; i >= 0; i--) out.splice(pending[i].index, 0, ...measured[i]);
    pending = [];
  };

  const alignOf = (cs: CSSStyleDeclaration): Paragraph['align'] => {
    const a = cs.textAlign;
    if (a === 'center' || a === '-webkit-center') return 'center';
    if (a === 'right' || a === 'end' || a === '-webkit-right') return 'right';
    if (a === 'justify') return 'justify';
    return 'left';
  };

  const lineHeightOf = (cs: CSSStyleDeclaration): number => {
    const lh = cs.lineHeight;
    // 'normal' for Noto Sans SC is about 1.45 em.
    return lh === 'normal' ? px(cs.fontSize) * 1.45 : px(lh);
  };

  const runOf = (text: string, cs: CSSStyleDeclaration): Run => ({
    text,
    size: px(cs.fontSize),
    bold: Number(cs.fontWeight) >= 600,
    italic: cs.fontStyle === 'italic' || cs.fontStyle === 'oblique',
    underline: cs.textDecorationLine.includes('underline'),
    colour: colour(cs.color) ?? { hex: '000000', alpha: 1 },
  });

  const isInline = (el: Element): boolean => INLINE.has(getComputedStyle(el).display);

  /**
   * Where the browser broke the lines of a balanced heading (text-wrap:
   * balance), which PowerPoint cannot do: offsets in each text node.
   */
  const balancedBreaks = (el: Element): Map<Node, number[]> => {
    const breaks = new Map<Node, number[]>();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let lineTop: number | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let c = 0; c < text.length; c++) {
        range.setStart(node, c);
        range.setEnd(node, c + 1);
        const r = range.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (lineTop !== null && r.top > lineTop + r.height / 2) breaks.set(node, [...(breaks.get(node) ?? []), c]);
        if (lineTop === null || r.top > lineTop + r.height / 2) lineTop = r.top;
      }
    }
    return breaks;
  };

  /** The runs of an element's inline content; block children are left to the walk. */
  const runsOf = (el: Element, runs: Run[], link?: string, breaks?: Map<Node, number[]>): void => {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (!parent) continue;
        const cs = getComputedStyle(parent);
        const pre = cs.whiteSpace.startsWith('pre') || cs.whiteSpace === 'break-spaces';
        const raw = node.textContent ?? '';
        if (pre) {
          raw.split('\n').forEach((line, i) => {
            const run = runOf(line, cs);
            if (i > 0) run.breakBefore = true;
            if (link) run.link = link;
            if (line !== '' || i > 0) runs.push(run);
          });
        } else {
          const at = breaks?.get(node) ?? [];
          [0, ...at].forEach((start, i) => {
            const text = raw.slice(start, at[i] ?? raw.length).replace(/[ \t\n\r\f]+/g, ' ');
            if (text === '' && i === 0) return;
            const run = runOf(text, cs);
            if (i > 0) run.breakBefore = true;
            if (link) run.link = link;
            runs.push(run);
          });
        }
      } else if (node instanceof Element) {
        if (SKIP.has(node.tagName)) continue;
        const cs = getComputedStyle(node);
        if (cs.display === 'none') continue;
        if (node.tagName === 'BR') {
          runs.push({ ...runOf('', cs), breakBefore: true });
          continue;
        }
        if (!INLINE.has(cs.display)) continue;
        if (node.tagName === 'svg' || node.tagName === 'IMG') continue;
        const href = node instanceof HTMLAnchorElement && /^https?:/.test(node.href) ? node.href : link;
        runsOf(node, runs, href, breaks);
      }
    }
  };

  /** Drops white space at line starts and ends, and merges runs of one style. */
  const tidy = (runs: Run[]): Run[] => {
    const out: Run[] = [];
    let atLineStart = true;
    for (const r of runs) {
      let text = r.text;
      if (r.breakBefore) {
        const last = out[out.length - 1];
        if (last) last.text = last.text.replace(/ +$/, '');
        atLineStart = true;
      }
      if (atLineStart) text = text.replace(/^ +/, '');
      if (text === '' && !r.breakBefore) continue;
      const last = out[out.length - 1];
      if (last && !r.breakBefore && last.size === r.size && last.bold === r.bold && last.italic === r.italic && last.underline === r.underline && last.colour.hex === r.colour.hex && last.link === r.link) {
        last.text += text;
      } else {
        out.push({ ...r, text });
      }
      if (text !== '') atLineStart = / $/.test(text) ? atLineStart : false;
    }
    const last = out[out.length - 1];
    if (last) last.text = last.text.replace(/ +$/, '');
    return out.filter((r, i) => r.text !== '' || r.breakBefore || i === 0);
  };

  const hasText = (runs: Run[]): boolean => runs.some((r) => r.text.trim() !== '');

  const contentBox = (el: Element, cs: CSSStyleDeclaration): Box => {
    const b = boxOf(el.getBoundingClientRect());
    const l = px(cs.paddingLeft) + px(cs.borderLeftWidth);
    const r = px(cs.paddingRight) + px(cs.borderRightWidth);
    const t = px(cs.paddingTop) + px(cs.borderTopWidth);
    const bo = px(cs.paddingBottom) + px(cs.borderBottomWidth);
    return { x: b.x + l, y: b.y + t, w: Math.max(1, b.w - l - r), h: Math.max(1, b.h - t - bo) };
  };

  /** The lines an element's own inline text takes (when it also has block children). */
  const inlineExtent = (el: Element, cs: CSSStyleDeclaration): { y: number; h: number } | null => {
    let top = Infinity;
    let bottom = -Infinity;
    let glyphHeight = px(cs.fontSize) * 1.45;
    for (const node of Array.from(el.childNodes)) {
      if (node instanceof Element && (!isInline(node) || node.tagName === 'IUR-PSEUDO')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of Array.from(range.getClientRects())) {
        if (r.height === 0 || r.width === 0) continue;
        if (r.top < top) glyphHeight = r.height;
        top = Math.min(top, r.top);
        bottom = Math.max(bottom, r.bottom);
      }
    }
    if (top === Infinity) return null;
    // Glyph boxes are the font's height; a line box adds half the leading above and below.
    const lead = Math.max(0, (lineHeightOf(cs) - glyphHeight) / 2);
    return { y: top - lead - origin.y, h: bottom - top + 2 * lead };
  };

  /** Where an element's text starts across when a picture (an icon) sits before it on its line; -Infinity otherwise. */
  const iconIndent = (el: Element): number => {
    const icon = Array.from(el.children).find((c) => c.tagName === 'svg' || c.tagName === 'IMG');
    if (!icon) return -Infinity;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.textContent ?? '').trim() === '' || node.parentElement?.closest('svg')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const first = Array.from(range.getClientRects()).find((r) => r.width > 0 && r.height > 0);
      if (!first) continue;
      const ir = icon.getBoundingClientRect();
      const sameLine = ir.bottom > first.top && ir.top < first.bottom;
      return sameLine && ir.right <= first.left + 1 ? first.left - origin.x : -Infinity;
    }
    return -Infinity;
  };

  /** A list as one text box: a paragraph per item, nested lists one level in. */
  const listItem = (list: Element, out: Item[]): void => {
    const listBox = boxOf(list.getBoundingClientRect());
    const paragraphs: Paragraph[] = [];
    /** Items' own fills and rules, drawn under the list's text. */
    const shapes: Item[] = [];
    let prevBottom: number | null = null;
    let first: number | null = null;
    let last = 0;
    const walkList = (l: Element, level: number): void => {
      const lcs = getComputedStyle(l);
      const lBox = boxOf(l.getBoundingClientRect());
      const ordered = l.tagName === 'OL';
      let n = l instanceof HTMLOListElement ? l.start : 1;
      for (const li of Array.from(l.children)) {
        if (li.tagName !== 'LI') continue;
        const cs = getComputedStyle(li);
        if (hidden(cs)) continue;
        const liBox = contentBox(li, cs);
        shapesOf(cs, boxOf(li.getBoundingClientRect()), 'li', shapes);
        const runs: Run[] = [];
        runsOf(li, runs);
        // Block content of the item (a loose list's paragraphs, a block link): one line after another.
        for (const child of Array.from(li.children)) {
          if (child.tagName === 'UL' || child.tagName === 'OL' || isInline(child) || hidden(getComputedStyle(child))) continue;
          if (runs.length > 0) runs.push({ ...runOf('', getComputedStyle(child)), breakBefore: true });
          runsOf(child, runs);
        }
        let bullet: Bullet | undefined;
        if (cs.listStyleType === 'none' && ordered) {
          bullet = undefined;
        } else if (ordered) {
          const marker = getComputedStyle(li, '::marker');
          bullet = { kind: 'number', char: '', start: n, colour: colour(marker.color) ?? colour(cs.color)!, size: 100 };
        } else {
          const before = getComputedStyle(li, '::before');
          const fill = colour(before.backgroundColor);
          const ring = borderOf(before, 'top');
          if (before.content !== 'none' && before.content !== 'normal' && (visible(fill) || ring)) {
            // A drawn square: ■ at the square's size (the glyph fills about 0.6 em).
            const size = Math.round(Math.min(100, Math.max(25, (px(before.width) / px(cs.fontSize) / 0.6) * 100)));
            bullet = { kind: 'char', char: visible(fill) ? '■' : '□', start: 1, colour: visible(fill) ? fill : ring!.colour, size };
          } else if (cs.listStyleType !== 'none') {
            bullet = { kind: 'char', char: '•', start: 1, colour: colour(cs.color)!, size: 100 };
          }
        }
        n++;
        // The item's own line(s): from its top to its first nested list, if any.
        const top = liBox.y;
        const gap: number = prevBottom === null ? 0 : Math.max(0, top - prevBottom);
        first ??= top;
        const lineHeight = lineHeightOf(cs);
        paragraphs.push({
          runs: tidy(runs),
          align: alignOf(cs),
          lineHeight,
          spaceBefore: gap,
          indent: liBox.x - listBox.x,
          bulletAt: lBox.x - listBox.x + Math.max(0, px(lcs.paddingLeft) - px(cs.fontSize) * 1.1),
          bullet,
          level,
        });
        const nested = Array.from(li.children).filter((c) => c.tagName === 'UL' || c.tagName === 'OL');
        const ownBottom = nested.length > 0 ? boxOf(nested[0].getBoundingClientRect()).y - px(getComputedStyle(nested[0]).marginTop) : liBox.y + liBox.h;
        prevBottom = ownBottom;
        last = Math.max(last, liBox.y + liBox.h);
        for (const sub of nested) {
          walkList(sub, level + 1);
          prevBottom = boxOf(sub.getBoundingClientRect()).y + boxOf(sub.getBoundingClientRect()).h;
        }
      }
    };
    walkList(list, 0);
    out.push(...shapes);
    if (paragraphs.length === 0 || first === null) return;
    out.push({ kind: 'text', tag: list.tagName.toLowerCase(), box: { x: listBox.x, y: first, w: listBox.w, h: Math.max(1, last - first) }, paragraphs });
  };

  const tableItem = (table: HTMLTableElement, out: Item[]): void => {
    const tBox = boxOf(table.getBoundingClientRect());
    const rows: { height: number; cells: Cell[] }[] = [];
    const tableRows = Array.from(table.rows);
    // The table's grid (cells placed row by row, row spans taking their place
    // below), and each grid column's width from a cell that spans it alone.
    const taken: boolean[][] = [];
    const widths: number[] = [];
    tableRows.forEach((tr, r) => {
      let col = 0;
      for (const td of Array.from(tr.cells)) {
        while (taken[r]?.[col]) col++;
        for (let dr = 0; dr < td.rowSpan; dr++) for (let dc = 0; dc < td.colSpan; dc++) (taken[r + dr] ??= [])[col + dc] = true;
        if (td.colSpan === 1) widths[col] ??= td.getBoundingClientRect().width;
        col += td.colSpan;
      }
    });
    const count = Math.max(1, ...taken.map((row) => row.length));
    // A column no single cell spans alone shares what is left.
    const known = widths.reduce((sum, w) => sum + (w ?? 0), 0);
    const unknown = Array.from({ length: count }, (_, i) => i).filter((i) => widths[i] === undefined).length;
    const columns = Array.from({ length: count }, (_, i) => widths[i] ?? Math.max(1, (tBox.w - known) / Math.max(1, unknown)));
    for (const tr of tableRows) {
      const trBox = boxOf(tr.getBoundingClientRect());
      const cells: Cell[] = [];
      for (const td of Array.from(tr.cells)) {
        const cs = getComputedStyle(td);
        const runs: Run[] = [];
        runsOf(td, runs);
        for (const child of Array.from(td.children)) {
          if (!isInline(child)) {
            if (runs.length > 0) runs.push({ ...runOf('', getComputedStyle(child)), breakBefore: true });
            runsOf(child, runs);
          }
        }
        // The cell's fill, else its row's, else its row group's.
        let fill = colour(cs.backgroundColor);
        for (let up: Element | null = tr; !visible(fill) && up && up !== table; up = up.parentElement) fill = colour(getComputedStyle(up).backgroundColor);
        const valign = cs.verticalAlign === 'middle' ? 'middle' : cs.verticalAlign === 'bottom' ? 'bottom' : 'top';
        cells.push({
          paragraphs: [{ runs: tidy(runs), align: alignOf(cs), lineHeight: lineHeightOf(cs), spaceBefore: 0, indent: 0, bulletAt: 0, level: 0 }],
          fill: visible(fill) ? fill : undefined,
          borders: ['top', 'right', 'bottom', 'left'].map((s) => borderOf(cs, s)),
          padding: [cs.paddingTop, cs.paddingRight, cs.paddingBottom, cs.paddingLeft].map(px),
          valign,
          colspan: td.colSpan,
          rowspan: td.rowSpan,
        });
      }
      rows.push({ height: trBox.h, cells });
    }
    out.push({ kind: 'table', box: tBox, columns, rows });
  };

  /** A standalone copy of an inline SVG, its HTML labels (foreignObject) turned into SVG <text>. */
  const svgText = (svg: SVGSVGElement): string => {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    const originals = Array.from(svg.querySelectorAll('foreignObject'));
    const copies = Array.from(copy.querySelectorAll('foreignObject'));
    const NS = 'http://www.w3.org/2000/svg';
    // Labels go into one group at the top level, placed through the root's own
    // screen transform (viewBox and scale): nested transforms need no care.
    const rootCtm = svg.getScreenCTM();
    const labels = document.createElementNS(NS, 'g');
    labels.setAttribute('class', 'iur-labels');
    originals.forEach((fo, i) => {
      copies[i]?.remove();
      if (!rootCtm) return;
      const toSvg = rootCtm.inverse();
      // CSS px inside the label → screen px: the label box's drawn width over its own.
      const foWidth = (fo as SVGForeignObjectElement).width.baseVal.value;
      const toScreen = foWidth > 0 ? fo.getBoundingClientRect().width / foWidth : 1;
      // Each line of each text node, from where the browser put its characters.
      const walker = document.createTreeWalker(fo, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const parent = node.parentElement;
        if (!parent || text.trim() === '') continue;
        const cs = getComputedStyle(parent);
        const lines: { chars: string; left: number; top: number; height: number }[] = [];
        const range = document.createRange();
        for (let c = 0; c < text.length; c++) {
          range.setStart(node, c);
          range.setEnd(node, c + 1);
          const r = range.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          const line = lines[lines.length - 1];
          if (line && Math.abs(line.top - r.top) < r.height / 2) line.chars += text[c];
          else lines.push({ chars: text[c], left: r.left, top: r.top, height: r.height });
        }
        for (const line of lines) {
          const chars = line.chars.replace(/\s+/g, ' ').trim();
          if (chars === '') continue;
          // The baseline sits at about 0.8 of the glyph box (ascent of a CJK sans font).
          const p = new DOMPoint(line.left, line.top + line.height * 0.8).matrixTransform(toSvg);
          const t = document.createElementNS(NS, 'text');
          t.setAttribute('x', p.x.toFixed(2));
          t.setAttribute('y', p.y.toFixed(2));
          t.setAttribute('font-size', (px(cs.fontSize) * toScreen * Math.hypot(toSvg.a, toSvg.b)).toFixed(2));
          t.setAttribute('fill', cs.color);
          if (Number(cs.fontWeight) >= 600) t.setAttribute('font-weight', 'bold');
          t.setAttribute('style', `font-family:${options.svgFonts}`);
          t.textContent = chars;
          labels.appendChild(t);
        }
      }
    });
    if (labels.childNodes.length > 0) copy.appendChild(labels);
    copy.setAttribute('xmlns', NS);
    copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
    // Size the copy as drawn (Mermaid gives max-width and 100 %).
    const r = svg.getBoundingClientRect();
    copy.setAttribute('width', String(Math.round(r.width)));
    copy.setAttribute('height', String(Math.round(r.height)));
    copy.removeAttribute('style');
    for (const text of Array.from(copy.querySelectorAll('text'))) {
      if (!text.getAttribute('style')?.includes('font-family')) text.setAttribute('style', `${text.getAttribute('style') ?? ''};font-family:${options.svgFonts}`);
    }
    // currentColor means the page's colour here (a card icon's red); alone in a file it would be black.
    return new XMLSerializer().serializeToString(copy).replace(/currentColor/g, getComputedStyle(svg).color);
  };

  const pictureItem = (el: Element, out: Item[]): void => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return;
    const box = boxOf(r);
    const clip = { x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height };
    const alt = el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? el.closest('figure')?.getAttribute('aria-label') ?? '';
    out.push({ kind: 'picture', box, clip, svg: el instanceof SVGSVGElement ? svgText(el) : '', alt });
  };

  /** Walks one element: its shapes, then its text or picture or table, then its children. */
  const walk = (el: Element, out: Item[]): void => {
    if (SKIP.has(el.tagName) || el.tagName === 'IUR-PSEUDO') return;
    const cs = getComputedStyle(el);
    if (hidden(cs)) return;
    const tag = el.tagName.toLowerCase();
    const rect = el.getBoundingClientRect();
    if (cs.display !== 'contents') shapesOf(cs, boxOf(rect), tag, out);
    pseudoItems(el, '::before', out);
    if (el instanceof SVGSVGElement || el instanceof HTMLImageElement || el instanceof HTMLCanvasElement) {
      pictureItem(el, out);
      return;
    }
    if (el instanceof HTMLTableElement) {
      tableItem(el, out);
      pseudoItems(el, '::after', out);
      return;
    }
    // A list set as a grid or a row of boxes (cards) is no list on the slide: each item is walked as a block.
    if ((el.tagName === 'UL' || el.tagName === 'OL') && !/grid|flex/.test(cs.display)) {
      listItem(el, out);
      pseudoItems(el, '::after', out);
      return;
    }
    if (!INLINE.has(cs.display)) {
      const runs: Run[] = [];
      const balanced = /balance/.test(cs.getPropertyValue('text-wrap-style') || cs.getPropertyValue('text-wrap'));
      runsOf(el, runs, undefined, balanced ? balancedBreaks(el) : undefined);
      const tidied = tidy(runs);
      if (hasText(tidied)) {
        // Across: the content box (where lines wrap); down: where the lines are (block children and block pseudo-elements aside).
        const box = contentBox(el, cs);
        const extent = inlineExtent(el, cs);
        if (extent) Object.assign(box, extent);
        // An icon set before the text (a card's heading): the text box starts where the text does.
        const start = iconIndent(el);
        if (start > box.x) {
          box.w = Math.max(1, box.w - (start - box.x));
          box.x = start;
        }
        out.push({ kind: 'text', tag, box, paragraphs: [{ runs: tidied, align: alignOf(cs), lineHeight: lineHeightOf(cs), spaceBefore: 0, indent: 0, bulletAt: 0, level: 0 }] });
      }
    }
    for (const child of Array.from(el.children)) {
      if (INLINE.has(getComputedStyle(child).display) && child.tagName !== 'svg' && child.tagName !== 'IMG') {
        // Inline children are in the runs; their drawings (pictures) still count.
        for (const pic of Array.from(child.querySelectorAll('svg, img'))) if (!pic.parentElement?.closest('svg')) pictureItem(pic, out);
        continue;
      }
      walk(child, out);
    }
    pseudoItems(el, '::after', out);
  };

  /** Speaker notes as text: the hidden <aside> laid out off-screen for a moment. */
  const notesOf = (section: Element): string => {
    const aside = section.querySelector('aside.notes');
    if (!aside || (aside.textContent ?? '').trim() === '') return '';
    const probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;left:-20000px;top:0;width:800px;white-space:normal';
    probe.innerHTML = aside.innerHTML;
    document.body.appendChild(probe);
    const text = probe.innerText;
    probe.remove();
    // One line per paragraph: the notes pane spaces paragraphs itself.
    return text.replace(/\n\s*\n/g, '\n').trim();
  };

  const slides: SlideData[] = [];
  const seen = new Set<string>();
  for (const page of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'))) {
    const section = page.querySelector('section[data-file]');
    if (!section) continue;
    const key = `${section.getAttribute('data-file')}:${section.getAttribute('data-line')}`;
    // Fragment steps repeat a slide: the first page of each slide, all fragments shown.
    if (seen.has(key) || (keep && !keep.has(key))) continue;
    seen.add(key);
    const pr = page.getBoundingClientRect();
    origin = { x: pr.left, y: pr.top };
    const items: Item[] = [];
    const pcs = getComputedStyle(page);
    let background = colour(pcs.backgroundColor);
    if (!visible(background)) background = colour(getComputedStyle(section).backgroundColor);
    if (!visible(background)) background = colour(getComputedStyle(document.body).backgroundColor);
    for (const child of Array.from(page.children)) walk(child, items);
    measurePseudos(items);
    slides.push({
      key,
      background: visible(background) ? background : { hex: 'FFFFFF', alpha: 1 },
      items,
      notes: notesOf(section),
      page: { x: pr.left + window.scrollX, y: pr.top + window.scrollY, w: pr.width, h: pr.height },
    });
  }
  quiet.remove();
  return slides;
}
