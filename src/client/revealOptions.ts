// reveal.js configuration for the deck: 16:9 at 1280×720 with no margin,
// pacing from the front matter's duration, print options from the URL.
import type { ClientData } from '../shared/clientData.ts';

import type { RevealConfig } from 'reveal.js';

/** reveal.js accepts 'separate-page' for showNotes; its typings say boolean only. */
export type RevealOptions = Omit<RevealConfig, 'showNotes'> & { showNotes?: boolean | 'separate-page' };

export function revealOptions(data: ClientData | null, params: URLSearchParams): RevealOptions {
  const notes = params.get('notes');
  return {
    width: 1280,
    height: 720,
    margin: 0,
    minScale: 0.2,
    maxScale: 2.0,
    center: false,
    hash: true,
    respondToHashChanges: true,
    history: false,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    transition: 'fade',
    transitionSpeed: 'fast',
    backgroundTransition: 'none',
    touch: true,
    pdfMaxPagesPerSlide: 1,
    pdfSeparateFragments: params.has('fragments'),
    showNotes: notes === 'separate-page' ? 'separate-page' : false,
    ...(data?.duration ? { totalTime: Math.round(data.duration * 60) } : {}),
  };
}
