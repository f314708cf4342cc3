// The advance widths of the fonts a receiver's PC puts in for the deck's
// Microsoft YaHei when it lacks it, for the printable ASCII characters
// (U+0020–U+007E), in thousandths of an em: DejaVu Sans (Linux's default
// sans, the widest), Liberation Sans (Arial's metrics: Windows and Mac
// without YaHei, and WPS), WenQuanYi Micro Hei (the Chinese sans of Linux,
// whose Latin letters a Chinese run's neighbours may take). Chinese characters
// and full-width punctuation are 1 em in all of them. Measured in Chromium
// from the fonts (Debian's fonts-dejavu-core, fonts-liberation,
// fonts-wqy-microhei); tests/e2e/export/pptx/fallbackWidths.test.ts measures
// them again and holds this table to them. WenQuanYi has no bold: its bold is
// drawn thicker at the same widths.
//
// For comparison (lowercase a–z, mean width): the deck's Noto Sans SC 530
// (bold 566), DejaVu Sans 563 (636), Liberation Sans 490 (539), WenQuanYi
// Micro Hei 503.

export const FALLBACK_FONTS = ['DejaVu Sans', 'Liberation Sans', 'WenQuanYi Micro Hei'] as const;
export type FallbackFont = (typeof FALLBACK_FONTS)[number];

/** Widths of U+0020…U+007E (95 characters), regular and bold, 1/1000 em. */
export const ASCII_WIDTHS: Record<FallbackFont, { regular: readonly number[]; bold: readonly number[] }> = {
  'DejaVu Sans': {
    regular: [
      318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337,
      337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611,
      732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
      635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ],
    bold: [
      348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696,
      400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720,
      682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042,
      712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ],
  },
  'Liberation Sans': {
    regular: [
      278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
      278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611,
      722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
      556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ],
    bold: [
      278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333,
      333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722,
      667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611,
      611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ],
  },
  'WenQuanYi Micro Hei': {
    regular: [
      260, 269, 402, 646, 551, 825, 702, 226, 301, 301, 551, 551, 250, 322, 268, 373, 551, 551, 551, 551, 551, 551, 551, 551, 551, 551, 268,
      268, 551, 551, 551, 426, 866, 608, 621, 603, 684, 528, 491, 690, 701, 339, 271, 579, 491, 870, 729, 742, 576, 741, 590, 519, 519, 698,
      568, 884, 547, 527, 539, 303, 373, 303, 532, 411, 577, 531, 586, 463, 586, 535, 329, 518, 589, 259, 259, 496, 259, 896, 589, 577, 586,
      586, 399, 451, 339, 589, 479, 746, 500, 489, 441, 354, 551, 354, 551,
    ],
    bold: [
      260, 269, 402, 646, 551, 825, 702, 226, 301, 301, 551, 551, 250, 322, 268, 373, 551, 551, 551, 551, 551, 551, 551, 551, 551, 551, 268,
      268, 551, 551, 551, 426, 866, 608, 621, 603, 684, 528, 491, 690, 701, 339, 271, 579, 491, 870, 729, 742, 576, 741, 590, 519, 519, 698,
      568, 884, 547, 527, 539, 303, 373, 303, 532, 411, 577, 531, 586, 463, 586, 535, 329, 518, 589, 259, 259, 496, 259, 896, 589, 577, 586,
      586, 399, 451, 339, 589, 479, 746, 500, 489, 441, 354, 551, 354, 551,
    ],
  },
};

/** Is this a character set 1 em wide, as Chinese is (CJK ideographs, kana, Hangul, full-width forms and punctuation)? */
export function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/**
 * A character's advance in a fallback font, in em: Chinese 1, ASCII from the
 * table, anything else (curly quotes, dashes, accented letters) 1 em: none of
 * them is wider, and a Chinese font may set them full width.
 */
export function advance(font: FallbackFont, char: string, bold: boolean): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code <= 0x7e) return ASCII_WIDTHS[font][bold ? 'bold' : 'regular'][code - 0x20] / 1000;
  return 1;
}
