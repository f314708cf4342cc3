// The pen's toolbar, shown while the pen is on: pen, highlighter, eraser, the
// theme's three colours, 清除本页, where the drawings are kept, and in a
// built deck the download of annotations.json. Plain buttons with labels, so
// a keyboard and a screen reader can use it too.
import type { Tool } from './penInput.ts';
import { PEN } from '../../shared/pageWords.ts';

export interface ToolbarState {
  tool: Tool;
  color: number;
}

export interface Toolbar {
  element: HTMLElement;
  /** The save line (text, and a download link when given). */
  status: (text: string, download?: () => string) => void;
  refresh: () => void;
}

export function penToolbar(
  doc: Document,
  colors: readonly string[],
  state: ToolbarState,
  actions: { clear: () => void; close: () => void },
): Toolbar {
  const bar = doc.createElement('div');
  bar.className = 'iur-pen-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', PEN.toolbar);
  const button = (label: string, onClick: () => void, extra?: (b: HTMLButtonElement) => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', (event) => {
      event.stopPropagation();
      onClick();
      refresh();
    });
    extra?.(b);
    bar.appendChild(b);
    return b;
  };
  const tools = (['pen', 'highlighter', 'eraser'] as const).map(
    (tool) =>
      [
        tool,
        button(
          PEN[tool],
          () => (state.tool = tool),
          (b) => (b.dataset.tool = tool),
        ),
      ] as const,
  );
  const swatches = colors.map((color, i) =>
    button(
      '',
      () => {
        state.color = i;
        if (state.tool === 'eraser') state.tool = 'pen';
      },
      (b) => {
        b.className = 'swatch';
        b.style.background = color;
        b.dataset.color = String(i);
        b.setAttribute('aria-label', `${PEN.colour} ${i + 1}`);
      },
    ),
  );
  button(PEN.clear, actions.clear, (b) => (b.dataset.action = 'clear'));
  const status = doc.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  bar.appendChild(status);
  button(PEN.closeMark, actions.close, (b) => {
    b.className = 'close';
    b.setAttribute('aria-label', PEN.close);
    b.title = PEN.close;
  });
  // Keep clicks on the bar away from reveal.js (a click on the slide may navigate).
  for (const type of ['pointerdown', 'mousedown', 'touchstart'] as const)
    bar.addEventListener(type, (event) => event.stopPropagation(), { passive: true });

  function refresh(): void {
    for (const [tool, b] of tools) b.setAttribute('aria-pressed', String(state.tool === tool));
    swatches.forEach((b, i) => b.setAttribute('aria-pressed', String(state.color === i)));
  }
  refresh();
  return {
    element: bar,
    refresh,
    status: (text, download) => {
      if (!download) {
        status.replaceChildren(text);
        return;
      }
      const link = doc.createElement('a');
      link.textContent = PEN.download;
      link.download = 'annotations.json';
      link.href = '#';
      // A fresh file at each click: the drawings as they are now.
      link.addEventListener('click', (event) => {
        event.stopPropagation();
        link.href = download();
      });
      status.replaceChildren(text, ' ', link);
    },
  };
}
