// XML 1.0 allows no control characters but tab, LF and CR, and no lone
// surrogates or U+FFFE/U+FFFF. Text pasted from Word carries \v (its manual
// line break), and any slide may hold a stray \x01: written raw into <a:t>,
// they make the part ill-formed and PowerPoint or LibreOffice drop the slide.
// This pass over every XML part of the package, run last, turns a \v inside a
// run into a line break (<a:br/>, with the run's properties) and strips every
// other forbidden character, wherever it is (text, notes, properties).
import type JSZip from 'jszip';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const VTAB = '\x0B';
/** A run: its properties (if any) and its text. */
const RUN = /<a:r>((?:(?!<\/a:r>)[\s\S])*?)<a:t>([^<]*)<\/a:t><\/a:r>/g;

/** `xml` with each \v in a run made a line break and every character XML 1.0 forbids removed. */
export function xmlSafe(xml: string): string {
  const broken = xml.replace(RUN, (whole: string, props: string, text: string) => {
    if (!text.includes(VTAB)) return whole;
    const rPr = /<a:rPr\b[^>]*\/>|<a:rPr\b[\s\S]*?<\/a:rPr>/.exec(props)?.[0];
    const br = rPr ? `<a:br>${rPr}</a:br>` : '<a:br/>';
    return text
      .split(VTAB)
      .map((part) => `<a:r>${props}<a:t>${part}</a:t></a:r>`)
      .join(br);
  });
  return broken.replace(FORBIDDEN, '');
}

/** Applies xmlSafe to every XML part of the package. */
export async function xmlSafePackage(zip: JSZip): Promise<void> {
  const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
  await Promise.all(
    parts.map(async (name) => {
      const xml = await zip.file(name)!.async('string');
      FORBIDDEN.lastIndex = 0;
      if (FORBIDDEN.test(xml)) zip.file(name, xmlSafe(xml));
    }),
  );
}
