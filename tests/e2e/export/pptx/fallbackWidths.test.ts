// The width table of the receivers' fallback fonts (src/export/pptx/
// fallbackWidths.ts) against the fonts themselves: Chromium measures each
// printable ASCII character of DejaVu Sans, Liberation Sans and WenQuanYi
// Micro Hei (Debian's packages, as installed for the tests), regular and
// bold, and every entry of the table must be within a thousandth of an em.
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../../src/browser/launch.ts';
import { ASCII_WIDTHS, FALLBACK_FONTS } from '../../../../src/export/pptx/fallbackWidths.ts';

let browser: Browser;
const measured = {} as Record<string, { regular: number[]; bold: number[] }>;

beforeAll(async () => {
  browser = await launchBrowser();
  const page = await browser.newPage();
  for (const font of FALLBACK_FONTS) {
    measured[font] = await page.evaluate(async (family: string) => {
      await document.fonts.load(`1000px "${family}"`);
      const context = document.createElement('canvas').getContext('2d')!;
      const widths = (weight: string): number[] =>
        Array.from({ length: 95 }, (_, i) => {
          context.font = `${weight} 1000px "${family}", monospace`;
          return context.measureText(String.fromCharCode(0x20 + i)).width;
        });
      return { regular: widths('normal'), bold: widths('bold') };
    }, font);
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(FALLBACK_FONTS)('%s', (font) => {
  it.each(['regular', 'bold'] as const)('%s: each character as wide as the table says', (weight) => {
    const off = measured[font][weight]
      .map((w, i) => ({ char: String.fromCharCode(0x20 + i), font: Math.round(w), table: ASCII_WIDTHS[font][weight][i] }))
      .filter((c) => Math.abs(c.font - c.table) > 1);
    expect(off).toEqual([]);
  });

  it('is the font installed, not a stand-in: its "i" and "W" differ from monospace', () => {
    expect(measured[font].regular[0x57 - 0x20]).toBeGreaterThan(measured[font].regular[0x69 - 0x20] * 2);
  });
});
