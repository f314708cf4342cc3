// The stable id of each slide, the key of its rehearsed time in
// slides/rehearsal.json: the file's name and the slide's first heading
// (`02-development.md#产学研的出现？`); a slide without a heading is named by
// a hash of its text. A repeat within the same file gets `~2`, `~3`. So an id
// survives edits anywhere else — other slides, other files, this slide's body
// (untitled slides excepted) — and the folder's name.
// Pure: runs in Node (build, check) and, through the rendered data-slide-id, reaches the browser.

export interface IdentifiedSlide {
  pos: { file: string };
  title: string;
  html: string;
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function textOf(html: string): string {
  return html
    .replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function slideIds(slides: readonly IdentifiedSlide[]): string[] {
  const seen = new Map<string, number>();
  return slides.map((slide) => {
    const base = slide.pos.file.split(/[\\/]/).pop() ?? slide.pos.file;
    const title = slide.title.trim().replace(/\s+/g, ' ');
    const id = `${base}#${title || hash(textOf(slide.html))}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}~${n}`;
  });
}
