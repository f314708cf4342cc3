// The phone remote draws too: its 画笔 button turns the pen on in the phone's
// picture of the current slide (a deck in a frame, src/client/pen/), whose
// strokes come here as page messages and go to the live channel; the server
// passes them to every page, the venue screen keeps them (its pen saves them
// as its own), and the other phones' pictures show them.
import { parseOp, type PenOp } from '../../shared/annotations.ts';

const NS = 'iur-pen';

export interface PhonePen {
  /** An op from the live channel: into both pictures. */
  fromServer: (op: PenOp) => void;
}

export function phonePen(frames: () => HTMLIFrameElement[], send: (op: PenOp) => void, button: HTMLButtonElement): PhonePen {
  const windows = () => frames().map((f) => f.contentWindow);
  window.addEventListener('message', (event) => {
    const data = event.data as { ns?: unknown; kind?: unknown; op?: unknown } | null;
    if (event.origin !== location.origin || !data || data.ns !== NS || data.kind !== 'op' || !windows().includes(event.source as Window))
      return;
    const op = parseOp(data.op);
    if (op) send(op);
  });
  button.addEventListener('click', () => {
    const pen = frames()[0].contentWindow?.__iurPen;
    if (!pen) return;
    pen.toggle();
    const on = pen.on();
    button.setAttribute('aria-pressed', String(on));
    document.body.classList.toggle('pen-on', on);
  });
  return {
    fromServer: (op) => {
      for (const w of windows()) w?.postMessage({ ns: NS, kind: 'op', op }, location.origin);
    },
  };
}
