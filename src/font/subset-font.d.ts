// Types for the `subset-font` package (harfbuzz wasm subsetter), which ships none.
// Only what src/font/subset.ts uses, plus the documented options.

declare module 'subset-font' {
  interface SubsetFontOptions {
    /** Output format; 'truetype' is an alias for 'sfnt'. Defaults to the input's format. */
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    keepFeatures?: string[];
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    keepAllGlyphs?: boolean;
    noLayoutClosure?: boolean;
    glyphNames?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
  }
  /** Subset `font` (sfnt, WOFF or WOFF2) to the characters of `text`. Calls run one at a time. */
  function subsetFont(font: Buffer | Uint8Array, text: string | null | undefined, options?: SubsetFontOptions): Promise<Buffer>;
  export = subsetFont;
}
