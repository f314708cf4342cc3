// The speaker view (`S`) in Chinese. reveal.js's notes plugin writes its
// window itself (an about:blank popup of this page's origin) with English
// labels and no option to change them. The window keeps talking to this page
// with postMessage, so its first message tells us where it is and we relabel
// it in place, and again whenever the plugin rewrites a label (the layout
// name, the 12-hour clock). It also gets the deck's font.
import { LAYOUTS, SPEAKER, SPEAKER_LABELS } from '../shared/pageWords.ts';
import { useDeckFont } from './fontFaces.ts';

function setText(el: Element | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

/** "01:05 PM" → "13:05". */
export function clock24(text: string): string {
  const m = /^\s*(\d{1,2}):(\d{2})\s*([AP]M)\s*$/i.exec(text);
  if (!m) return text;
  const hours = (Number(m[1]) % 12) + (m[3].toUpperCase() === 'PM' ? 12 : 0);
  return `${String(hours).padStart(2, '0')}:${m[2]}`;
}

function relabel(doc: Document, title: string): void {
  for (const [selector, text] of SPEAKER_LABELS) setText(doc.querySelector(selector), text);
  // "Time <span class=reset-button>…</span>": only the leading text node.
  const timeLabel = doc.querySelector('.speaker-controls-time > h4.label')?.firstChild;
  if (timeLabel?.nodeType === Node.TEXT_NODE && timeLabel.textContent !== SPEAKER.time) timeLabel.textContent = SPEAKER.time;
  for (const option of Array.from(doc.querySelectorAll<HTMLOptionElement>('.speaker-layout-dropdown option'))) {
    setText(option, LAYOUTS[option.value] ?? option.value);
  }
  const layout = doc.querySelector<HTMLSelectElement>('.speaker-layout-dropdown')?.value ?? 'default';
  setText(doc.querySelector('.speaker-layout-label'), `${SPEAKER.layout}${LAYOUTS[layout] ?? layout}`);
  const clock = doc.querySelector('.clock-value');
  if (clock) setText(clock, clock24(clock.textContent ?? ''));
  if (doc.documentElement.lang !== 'zh-CN') doc.documentElement.lang = 'zh-CN';
  const wanted = `${SPEAKER.title}${title}`;
  if (doc.title !== wanted) doc.title = wanted;
}

function speakerDocument(source: MessageEventSource | null): Document | null {
  try {
    if (!source || !('document' in source)) return null;
    const doc = source.document;
    return doc.getElementById('speaker-controls') ? doc : null;
  } catch {
    return null; // a window of another origin
  }
}

/** `onOpen` gets each speaker view's document once it is relabelled (the rehearsal line goes in it). */
export function useChineseSpeakerView(onOpen?: (doc: Document) => void): void {
  // The speaker view's own previews of the deck (?receiver) open no speaker view.
  if (/receiver/i.test(location.search)) return;
  const watched = new WeakSet<Document>();
  window.addEventListener('message', (event) => {
    const doc = speakerDocument(event.source);
    if (!doc || watched.has(doc)) return;
    watched.add(doc);
    const title = document.title;
    useDeckFont(doc, 'body');
    relabel(doc, title);
    new MutationObserver(() => relabel(doc, title)).observe(doc.body, { subtree: true, childList: true, characterData: true });
    onOpen?.(doc);
  });
}
