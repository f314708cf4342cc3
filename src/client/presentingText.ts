// Every character the presenting UI writes (key help, control labels, speaker
// view, its clock and timers), for the font subset: read by the Vite plugin
// in Node, so nothing here touches the DOM or imports CSS.
import { HELP, KEYS } from './keyHelp.ts';
import { LABELS } from './zhLabels.ts';
import { LABELS as SPEAKER_LABELS, LAYOUTS, SPEAKER } from './speakerView.ts';
import { REHEARSAL } from './rehearsalText.ts';
import { PEN } from './pen/penText.ts';

export function presentingText(): string {
  return [
    ...KEYS.flat(),
    ...Object.values(HELP),
    ...LABELS.flatMap(([, attrs]) => Object.values(attrs)),
    ...SPEAKER_LABELS.map(([, text]) => text),
    ...Object.values(LAYOUTS),
    ...Object.values(SPEAKER),
    ...Object.values(REHEARSAL),
    ...Object.values(PEN),
    '0123456789:-·/',
  ].join('');
}
