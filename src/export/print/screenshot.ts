// Pictures of regions of the print view (which stacks every slide's page on
// one tall document): each region is scrolled into the viewport and captured
// from there, at the viewport's device scale. Capturing "beyond the viewport"
// instead makes Chromium lay out the whole tall document at every shot, and
// a clip's own scale is not applied from within the viewport.
import type { Page } from 'puppeteer';

export interface Region {
  /** Document coordinates, CSS px. */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Sets the device scale for the shots that follow (the layout, in CSS px, stays). */
export async function useScale(page: Page, scale: number): Promise<void> {
  const viewport = page.viewport() ?? { width: 1280, height: 720 };
  if (viewport.deviceScaleFactor === scale) return;
  await page.setViewport({ ...viewport, deviceScaleFactor: scale });
}

/** `fast`: quicker, larger PNG encoding (for pictures inside a PowerPoint file). */
export async function screenshotRegion(page: Page, region: Region, fast = false): Promise<Uint8Array> {
  const viewport = page.viewport();
  const clip = { x: region.x, y: region.y, width: region.w, height: region.h };
  if (viewport === null || region.w > viewport.width || region.h > viewport.height) {
    return page.screenshot({ type: 'png', clip, captureBeyondViewport: true, optimizeForSpeed: fast });
  }
  await page.evaluate((x: number, y: number) => window.scrollTo(x, y), Math.max(0, region.x), Math.max(0, region.y));
  return page.screenshot({ type: 'png', clip, captureBeyondViewport: false, optimizeForSpeed: fast });
}
