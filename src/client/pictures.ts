// Pictures in the composition pass: a Markdown picture (figure.picture, see
// src/markdown/rules/pictures.ts) is sized to the room its slide leaves it,
// aspect kept, never beyond the slide body, centred by the theme. While the
// body's type size is searched, each picture holds a placeholder of
// PLACEHOLDER_PX, so the text is measured with a picture under it; then the
// room left under the content (in its column, for a picture in ::: columns)
// is shared among the pictures of that flow and each is given its size.
// A picture the author sized ({width=…} / {height=…}) is left as written.

/** The least height a picture keeps while the text is sized, in slide px. */
export const PLACEHOLDER_PX = 120;
/** A raster picture is not blown up beyond this many times its pixel size (it would blur). */
export const MAX_RASTER_SCALE = 2;

/** The pictures of a slide that the composition sizes. */
export function sizedPictures(section: HTMLElement): HTMLImageElement[] {
  return Array.from(section.querySelectorAll<HTMLImageElement>('figure.picture > img')).filter(
    (img) => !img.hasAttribute('width') && !img.hasAttribute('height') && img.closest('section') === section,
  );
}

/** Puts each picture at its placeholder size, for the measuring of the text. */
export function holdPictures(pictures: HTMLImageElement[]): void {
  for (const img of pictures) {
    img.style.width = '0px';
    img.style.height = `${PLACEHOLDER_PX}px`;
    img.parentElement?.setAttribute('data-composing', '');
  }
}

/** The picture's size in px: from the parse (data-natural-*), else from the loaded file. */
function naturalSize(img: HTMLImageElement): { width: number; height: number; vector: boolean } | undefined {
  const width = Number(img.dataset.naturalWidth) || img.naturalWidth;
  const height = Number(img.dataset.naturalHeight) || img.naturalHeight;
  const vector = /\.svg(\?|#|$)/i.test(img.getAttribute('src') ?? '');
  return width > 0 && height > 0 ? { width, height, vector } : undefined;
}

/** The largest box of the picture's aspect inside width × height (px). */
export function fitInto(
  natural: { width: number; height: number; vector: boolean },
  width: number,
  height: number,
): { width: number; height: number } {
  const limit = natural.vector ? Infinity : MAX_RASTER_SCALE;
  const scale = Math.max(0, Math.min(width / natural.width, height / natural.height, limit));
  return { width: Math.floor(natural.width * scale), height: Math.floor(natural.height * scale) };
}

/** The lowest bottom of the element's visible children (page px), or its top when it has none. */
function contentBottom(el: Element, skip: (child: Element) => boolean): number {
  const bottoms = Array.from(el.children)
    .filter((child) => !skip(child) && child.getClientRects().length > 0)
    .map((child) => child.getBoundingClientRect().bottom);
  return bottoms.length > 0 ? Math.max(...bottoms) : el.getBoundingClientRect().top;
}

/**
 * Sizes the section's pictures to the room left above `areaBottom` (page px),
 * with the section laid out at its final type size and each picture at its
 * placeholder. `scale`: page px per slide px. `notBody` matches the parts of
 * a section that are not its body (footer, notes).
 */
export function fitPictures(section: HTMLElement, pictures: HTMLImageElement[], areaBottom: number, scale: number, notBody: string): void {
  const skip = (child: Element) => child.matches(notBody);
  const sectionRoom = Math.max(0, areaBottom - contentBottom(section, skip));
  // The flow each picture sits in: its column, or the slide body.
  const flows = new Map<Element, HTMLImageElement[]>();
  for (const img of pictures) {
    const flow = img.closest('div.layout-column') ?? section;
    flows.set(flow, [...(flows.get(flow) ?? []), img]);
  }
  const sizes = new Map<HTMLImageElement, { width: number; height: number }>();
  for (const [flow, imgs] of flows) {
    let room = sectionRoom;
    if (flow !== section) {
      // A column may end above its row's bottom: that space is its own, beside the room under the row.
      const row = flow.parentElement ?? flow;
      room += Math.max(0, row.getBoundingClientRect().bottom - contentBottom(flow, skip));
    }
    for (const img of imgs) {
      const natural = naturalSize(img);
      const figure = img.parentElement as HTMLElement;
      const width = figure.clientWidth * (figure.getBoundingClientRect().width / Math.max(1, figure.offsetWidth));
      const height = PLACEHOLDER_PX * scale + room / imgs.length;
      if (natural) sizes.set(img, fitInto(natural, width / scale, height / scale));
    }
  }
  // Written after every measure: one layout for the slide.
  for (const img of pictures) {
    const size = sizes.get(img);
    img.style.width = size ? `${size.width}px` : '';
    img.style.height = size ? `${size.height}px` : '';
    if (!size) img.style.maxHeight = `${PLACEHOLDER_PX}px`;
    img.parentElement?.removeAttribute('data-composing');
  }
}
