// What the presenter sees besides the slides, in Chinese and in the deck's
// font: reveal.js's controls, the `?` key help, the speaker view (`S`) and
// its rehearsal timing (`R`).
import type { RevealApi } from 'reveal.js';
import './presenting.css';
import { useChineseKeyHelp } from './keyHelp.ts';
import { useChineseLabels } from './zhLabels.ts';
import { useChineseSpeakerView } from './speakerView.ts';
import { setUpRehearsal } from './rehearsal.ts';

export function setUpPresenting(deck: RevealApi): void {
  useChineseLabels(deck);
  useChineseKeyHelp(deck);
  const rehearsal = setUpRehearsal(deck);
  useChineseSpeakerView(rehearsal?.attach);
}
