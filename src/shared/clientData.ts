// The small JSON the page gets besides the slides' HTML (made in Node by
// src/render/clientData.ts, read in the page as `virtual:iur-deck`): deck
// metadata for reveal.js and, per slide, where it comes from (for messages).
import type { Annotations } from './annotations.ts';

export interface ClientSlide {
  file: string;
  line: number;
  title: string;
  part: number;
}

export interface ClientData {
  title: string;
  lang: string;
  duration?: number;
  slides: ClientSlide[];
  parts: { title: string; marker: string; firstSlide: number }[];
  /** The pen's drawings from slides/annotations.json, if any. */
  annotations?: Annotations;
}
