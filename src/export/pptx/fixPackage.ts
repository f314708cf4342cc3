// Fixes in the .pptx package what pptxgenjs cannot say (JSZip, which it
// brings): bullets placed where the deck puts them and coloured like it; the
// PNG of each picture, taken in the browser (the fallback of an SVG, which
// pptxgenjs cannot render under Node, or the picture itself);
// the language zh-CN and the East Asian typeface where pptxgenjs writes en-US
// or none (end-of-paragraph marks, notes, the theme); one set of paragraph
// properties per paragraph; content types only for parts that exist;
// keywords and language in the document properties; the slide master and its
// layouts (masterXml.ts), each slide's title, footer and slide number made
// placeholders of them, the number a field; numbered lists that renumber;
// the fragment steps as animations, and rehearsed advance times
// (animations.ts); each text body's font scale for the receiver's fonts
// (textFit.ts).
import JSZip from 'jszip';
import { layoutXml, LAYOUTS, masterTree, PH, SLIDE_NUMBER_FIELD, type LayoutName, type MasterBoxes } from './masterXml.ts';
import { addTiming, type SlideAnimation } from './animations.ts';
import { xmlSafePackage } from './xmlText.ts';
import { putEquations, type FormulaFix } from './equations.ts';

/** What pptxgenjs cannot say about one paragraph: where its text and bullet start, the bullet's colour. */
export interface ParagraphFix {
  /** Text start and bullet start, CSS px from the text box's left edge. */
  marginLeft: number;
  bulletAt: number;
  /** Bullet colour, RRGGBB; none when the paragraph has no bullet. */
  bulletColour?: string;
  /** Bullet size, % of the text's. */
  bulletSize?: number;
  /** A numbered item's own start number (only where the Markdown gave one); otherwise it numbers itself. */
  startAt?: number;
  /** An auto-numbered paragraph. */
  numbered?: boolean;
  /** The first line starts at the box's edge, the others at marginLeft (code). */
  hanging?: boolean;
}

export interface PictureFix {
  /** 1-based slide number. */
  slide: number;
  /** The picture's shape name (cNvPr name). */
  name: string;
  /** Its PNG: index into the pictures handed to fixPackage. */
  picture: number;
}

export interface PackageFixes {
  /** Per slide: every paragraph written, in order (null: left as pptxgenjs wrote it); its layout; its fragment steps. */
  slides: {
    paragraphs: (ParagraphFix | null)[];
    layout: LayoutName;
    /** Each text body's normAutofit element, by shape name (textFit.ts). */
    fits: Record<string, string>;
    animation: SlideAnimation;
    advance?: number;
  }[];
  pictures: PictureFix[];
  /** Text boxes with formulas, made equations with a picture fallback (equations.ts). */
  formulas: FormulaFix[];
  master: MasterBoxes;
  keywords: string[];
  lang: string;
  typeface: string;
  /** The typeface code's runs name (their East Asian slot takes `typeface`). */
  monoTypeface: string;
}

const EMU_PER_PX = 9525;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Indents list paragraphs and places and colours their bullets, in one slide's XML. */
export function fixParagraphs(xml: string, fixes: (ParagraphFix | null)[], typeface: string, slide: number): string {
  let k = 0;
  const out = onePPr(xml).replace(/<a:p><a:pPr\b([^>]*?)(\/?)>/g, (whole, attrs: string, empty: string) => {
    const fix = fixes[k++];
    if (!fix) return whole;
    const marL = Math.round(fix.marginLeft * EMU_PER_PX);
    const indent = fix.bulletColour ? -Math.round(Math.max(0, fix.marginLeft - fix.bulletAt) * EMU_PER_PX) : fix.hanging ? -marL : 0;
    const a = attrs.replace(/\s(marL|indent|lvl)="-?\d+"/g, '') + ` marL="${marL}" indent="${indent}"`;
    return `<a:p><a:pPr${a}${empty}>`;
  });
  if (k !== fixes.length) throw new Error(`internal: slide ${slide} has ${k} paragraphs, ${fixes.length} were written`);
  // Auto-numbering: a start number only where the list has its own; the rest count on from the item before.
  const numbered = fixes.filter((f): f is ParagraphFix => f?.numbered === true);
  let m = 0;
  const renumbered = out.replace(/<a:buAutoNum type="(\w+)" startAt="\d+"\/>/g, (_, type: string) => {
    const fix = numbered[m++];
    return fix?.startAt !== undefined ? `<a:buAutoNum type="${type}" startAt="${fix.startAt}"/>` : `<a:buAutoNum type="${type}"/>`;
  });
  // Bullets: coloured like the deck's, in document order.
  const bullets = fixes.filter((f): f is ParagraphFix & { bulletColour: string } => f?.bulletColour !== undefined);
  let b = 0;
  return renumbered
    .replace(/<a:buSzPct val="100000"\/>/g, (whole) => {
      const bullet = bullets[b++];
      if (!bullet) return whole;
      return `<a:buClr><a:srgbClr val="${bullet.bulletColour}"/></a:buClr><a:buSzPct val="${Math.round((bullet.bulletSize ?? 100) * 1000)}"/>`;
    })
    .replace(/<a:buFont typeface="\+mj-lt"\/>/g, `<a:buFont typeface="${escapeXml(typeface)}"/>`);
}

/** Each named text body's autofit as textFit.ts computed it, in place of pptxgenjs's bare <a:normAutofit/>. */
export function fixAutofit(xml: string, fits: Record<string, string>): string {
  return xml.replace(/<p:sp>.*?<\/p:sp>/gs, (sp) => {
    const name = /<p:cNvPr id="\d+" name="([^"]*)"/.exec(sp)?.[1];
    const fit = name === undefined ? undefined : fits[name];
    return fit ? sp.replace('<a:normAutofit/>', fit) : sp;
  });
}

/**
 * pptxgenjs writes a paragraph's properties again before each of its runs
 * (the schema allows one, first; PowerPoint and LibreOffice read the last):
 * keep the first.
 */
export function onePPr(xml: string): string {
  return xml.replace(/<a:p>(.*?)<\/a:p>/gs, (_, inner: string) => {
    let seen = false;
    const kept = inner.replace(/<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>.*?<\/a:pPr>/gs, (pPr) => {
      if (seen) return '';
      seen = true;
      return pPr;
    });
    return `<a:p>${kept}</a:p>`;
  });
}

/**
 * The title, footer and slide number that writePptx wrote as named text
 * boxes become the layout's placeholders, keeping their measured place (a
 * placeholder's own xfrm overrides the layout's); the number becomes a
 * slide-number field, so it stays right when slides are added or moved.
 */
export function fixPlaceholders(xml: string, layout: LayoutName): string {
  const kinds: [string, string, string][] = [
    ['ph-title', layout === 'title' ? PH.ctrTitle : PH.title, 'Title'],
    ['ph-ftr', PH.footer, 'Footer Placeholder'],
    ['ph-sldNum', PH.number, 'Slide Number Placeholder'],
  ];
  let out = xml;
  for (const [name, ph, label] of kinds) {
    out = out.replace(
      new RegExp(
        `(<p:cNvPr id="\\d+" name=")${name}("(?:/>|>(?:(?!</p:cNvPr>).)*</p:cNvPr>))<p:cNvSpPr[^>]*/><p:nvPr>(?:</p:nvPr>|)`,
        'gs',
      ),
      (_, open: string, close: string) => `${open}${label}${close}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr>`,
    );
  }
  // Footer and number: single line spacing (writePptx placed their boxes for it).
  out = out.replace(/<p:sp>(?:(?!<\/p:sp>).)*?<p:ph type="(?:ftr|sldNum)".*?<\/p:sp>/gs, (sp) =>
    sp.replace(/<a:lnSpc><a:spcPts val="\d+"\/><\/a:lnSpc>/g, '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'),
  );
  // The number's run as a field (within the slide-number shape only).
  return out.replace(
    /(<p:ph type="sldNum"[^>]*\/>.*?)<a:r>(<a:rPr\b(?:[^>]*\/>|[^>]*>.*?<\/a:rPr>))<a:t>(\d+)<\/a:t><\/a:r>/s,
    (_, before: string, rPr: string, n: string) =>
      `${before}<a:fld id="${SLIDE_NUMBER_FIELD}" type="slidenum">${rPr}<a:t>${n}</a:t></a:fld>`,
  );
}

/** The master's placeholders (pptxgenjs writes an empty master) and its footer and number shown. */
function fixMaster(xml: string, boxes: MasterBoxes): string {
  return xml.replace(/<p:spTree>.*?<\/p:spTree>/s, masterTree(boxes)).replace(/<p:hf [^>]*\/>/, '<p:hf hdr="0" dt="0"/>');
}

/** Each layout pptxgenjs wrote (named after LAYOUTS' keys) as PowerPoint's layout of that kind. */
function fixLayout(xml: string): string {
  const name = /<p:cSld name="([^"]*)"/.exec(xml)?.[1] ?? '';
  return layoutXml(name in LAYOUTS ? (name as LayoutName) : 'content');
}

/** pptxgenjs names a run's font in all three slots: code's Chinese (a comment) takes the deck's East Asian typeface. */
function fixCodeFonts(xml: string, mono: string, typeface: string): string {
  return xml.split(`<a:ea typeface="${escapeXml(mono)}"`).join(`<a:ea typeface="${escapeXml(typeface)}"`);
}

/** Language everywhere pptxgenjs writes en-US (end-of-paragraph marks, notes, slide numbers). */
function fixLang(xml: string, lang: string): string {
  return xml.replace(/ lang="en-US"/g, ` lang="${lang}"`);
}

/** Puts each picture's PNG where its <a:blip> points (for an SVG picture, its fallback). */
async function putPictures(zip: JSZip, fixes: PictureFix[], pngs: Uint8Array[]): Promise<void> {
  for (const picture of fixes) {
    const slidePath = `ppt/slides/slide${picture.slide}.xml`;
    const xml = await zip.file(slidePath)?.async('string');
    const rels = await zip.file(`ppt/slides/_rels/slide${picture.slide}.xml.rels`)?.async('string');
    if (!xml || !rels) throw new Error(`internal: ${slidePath} missing from the package`);
    const pic = new RegExp(`<p:pic>(?:(?!</p:pic>).)*?name="${picture.name}"(?:(?!</p:pic>).)*?<a:blip r:embed="(rId\\d+)"`, 's').exec(xml);
    if (!pic) throw new Error(`internal: no picture "${picture.name}" on slide ${picture.slide}`);
    const target =
      new RegExp(`Id="${pic[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${pic[1]}"`).exec(rels);
    if (!target) throw new Error(`internal: no relationship ${pic[1]} on slide ${picture.slide}`);
    const media = `ppt/${target[1].replace(/^\.\.\//, '')}`;
    const png = pngs[picture.picture];
    if (!png) throw new Error(`internal: no PNG for picture ${picture.picture}`);
    // A PNG is compressed already: stored as it is, the package is written much sooner.
    zip.file(media, png, { compression: 'STORE' });
  }
}

/** Notes: pptxgenjs writes them as one run with line breaks inside; a paragraph per line. */
export function notesParagraphs(xml: string): string {
  return xml.replace(/<a:p><a:r>(<a:rPr\b[^>]*\/>)<a:t>([^<]*)<\/a:t><\/a:r>/g, (whole, rPr: string, text: string) => {
    if (!/[\r\n]/.test(text)) return whole;
    return text
      .split(/\r?\n/)
      .map((line, i) => `${i > 0 ? '</a:p>' : ''}<a:p><a:r>${rPr}<a:t>${line}</a:t></a:r>`)
      .join('');
  });
}

/** The East Asian slot of the theme's fonts (pptxgenjs leaves it empty): notes and anything unstyled. */
function fixTheme(xml: string, typeface: string): string {
  return xml.replace(/<a:ea typeface=""\/>/g, `<a:ea typeface="${escapeXml(typeface)}"/>`);
}

function fixCore(xml: string, fixes: PackageFixes): string {
  let out = xml;
  if (fixes.keywords.length > 0 && !out.includes('<cp:keywords')) {
    out = out.replace('</cp:coreProperties>', `<cp:keywords>${escapeXml(fixes.keywords.join(', '))}</cp:keywords></cp:coreProperties>`);
  }
  if (!out.includes('<dc:language'))
    out = out.replace('</cp:coreProperties>', `<dc:language>${escapeXml(fixes.lang)}</dc:language></cp:coreProperties>`);
  return out;
}

export async function fixPackage(bytes: Uint8Array, fixes: PackageFixes, pngs: Uint8Array[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await putPictures(zip, fixes.pictures, pngs);
  const jobs: Promise<void>[] = [];
  const rewrite = (file: string, change: (xml: string) => string): void => {
    const entry = zip.file(file);
    if (!entry) return;
    jobs.push(entry.async('string').then((xml) => void zip.file(file, change(xml))));
  };
  fixes.slides.forEach((slide, i) => {
    const formulas = fixes.formulas.filter((f) => f.slide === i + 1);
    // Animations first: they find their shapes by the names writePptx gave them (fixPlaceholders renames three).
    rewrite(`ppt/slides/slide${i + 1}.xml`, (xml) =>
      putEquations(
        fixCodeFonts(
          fixLang(
            fixPlaceholders(
              fixParagraphs(
                fixAutofit(addTiming(xml, slide.animation, slide.advance), slide.fits),
                slide.paragraphs,
                fixes.typeface,
                i + 1,
              ),
              slide.layout,
            ),
            fixes.lang,
          ),
          fixes.monoTypeface,
          fixes.typeface,
        ),
        formulas,
      ),
    );
  });
  for (const file of Object.keys(zip.files)) {
    if (/^ppt\/notesSlides\/[^/]+\.xml$/.test(file)) rewrite(file, (xml) => fixLang(notesParagraphs(xml), fixes.lang));
    if (/^ppt\/slideLayouts\/[^/]+\.xml$/.test(file)) rewrite(file, fixLayout);
    if (/^ppt\/slideMasters\/[^/]+\.xml$/.test(file)) rewrite(file, (xml) => fixLang(fixMaster(xml, fixes.master), fixes.lang));
    if (/^ppt\/notesMasters\/[^/]+\.xml$/.test(file)) rewrite(file, (xml) => fixLang(xml, fixes.lang));
    if (/^ppt\/theme\/[^/]+\.xml$/.test(file)) rewrite(file, (xml) => fixTheme(xml, fixes.typeface));
  }
  rewrite('docProps/core.xml', (xml) => fixCore(xml, fixes));
  // pptxgenjs declares a slide master per slide but writes one: no content type for a part that is not there.
  rewrite('[Content_Types].xml', (xml) =>
    xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (whole, part: string) => (zip.file(part) ? whole : '')),
  );
  await Promise.all(jobs);
  await xmlSafePackage(zip); // last: no control character reaches any part (xmlText.ts)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 3 } });
}
