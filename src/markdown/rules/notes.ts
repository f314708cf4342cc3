// Block rule: a line starting `Note:` (reveal.js's convention) ends the
// visible slide; the rest of the slide becomes speaker notes.
import type { MarkdownIt } from 'markdown-it';

export const NOTES_MARKER = 'notes_marker';
const MARKER = /^ {0,3}Notes?:[ \t]*(.*)$/;

export function notesPlugin(md: MarkdownIt): void {
  md.block.ruler.before(
    'paragraph',
    NOTES_MARKER,
    (state, startLine, _endLine, silent) => {
      if (state.blkIndent !== 0 || state.sCount[startLine] >= 4) return false;
      const m = MARKER.exec(state.src.slice(state.bMarks[startLine], state.eMarks[startLine]));
      if (!m) return false;
      if (silent) return true;
      const marker = state.push(NOTES_MARKER, '', 0);
      marker.map = [startLine, startLine + 1];
      const rest = m[1].trim();
      if (rest) {
        // Text on the marker line itself is the notes' first paragraph.
        state.push('paragraph_open', 'p', 1).map = [startLine, startLine + 1];
        const inline = state.push('inline', '', 0);
        inline.content = rest;
        inline.map = [startLine, startLine + 1];
        inline.children = [];
        state.push('paragraph_close', 'p', -1);
      }
      state.line = startLine + 1;
      return true;
    },
    { alt: ['paragraph'] },
  );
}
