// The doctor reads layout only once it is final: no font still loading (a new
// subset after a save that brought new characters, a weight used for the
// first time) and the page laid out with them. A layout read in between puts
// text in fallback fonts at sizes and places the slide never shows; in dev
// that once became an overflow of 163,200 px on a slide not on screen.

/** What the doctor needs of document.fonts. */
export interface Fonts {
  status: FontFaceSetLoadStatus;
  ready: Promise<unknown>;
}

/** The next frame, or 100 ms where none comes (a page in the background draws no frames). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100);
  });
}

/** Resolves once no font is loading and a frame has been laid out since. */
export async function layoutSettled(fonts: Fonts = document.fonts, frame: () => Promise<void> = nextFrame): Promise<void> {
  // A load that starts while we wait makes a new ready promise: wait until none is loading.
  do await fonts.ready;
  while (fonts.status === 'loading');
  await frame();
}
