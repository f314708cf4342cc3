// The slide master and its layouts, as PowerPoint builds them (pptxgenjs can
// define layouts but not a master with title, footer and slide-number
// placeholders): the master holds the title, body, footer and slide-number
// placeholders at the deck's measured places, the slide number a field; four
// layouts (title, title and content, section header, title only) take their
// places from it. fixPackage.ts puts these parts into the package.
import type { Box } from '../../shared/slideData.ts';

export const LAYOUTS = {
  title: { type: 'title', name: 'Title Slide' },
  content: { type: 'obj', name: 'Title and Content' },
  section: { type: 'secHead', name: 'Section Header' },
  titleOnly: { type: 'titleOnly', name: 'Title Only' },
} as const;
export type LayoutName = keyof typeof LAYOUTS;

/** Measured boxes (CSS px) of the master's placeholders; the footer's text. */
export interface MasterBoxes {
  title?: Box;
  body?: Box;
  footer?: Box;
  number?: Box;
  footerText?: string;
  /** The slide number's type (CSS px, RRGGBB): LibreOffice draws a slide's number through the master's placeholder. */
  numberStyle?: { size: number; lineHeight: number; colour: string };
}

const NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const EMU = 9525;
export const SLIDE_NUMBER_FIELD = '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}';

/** The placeholder element of each kind (type and index as PowerPoint's own masters have them). */
export const PH = {
  title: '<p:ph type="title"/>',
  ctrTitle: '<p:ph type="ctrTitle"/>',
  body: '<p:ph type="body" idx="1"/>',
  subTitle: '<p:ph type="subTitle" idx="1"/>',
  footer: '<p:ph type="ftr" sz="quarter" idx="11"/>',
  number: '<p:ph type="sldNum" sz="quarter" idx="12"/>',
} as const;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xfrm(box: Box): string {
  const e = (v: number): number => Math.round(v * EMU);
  return `<p:spPr><a:xfrm><a:off x="${e(box.x)}" y="${e(box.y)}"/><a:ext cx="${e(box.w)}" cy="${e(box.h)}"/></a:xfrm></p:spPr>`;
}

function placeholder(id: number, name: string, ph: string, spPr: string, paragraph: string, bodyPr = '<a:bodyPr/>'): string {
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr>${spPr}<p:txBody>${bodyPr}<a:lstStyle/>${paragraph}</p:txBody></p:sp>`;
}

const EMPTY = '<a:p><a:endParaRPr lang="zh-CN"/></a:p>';
/** The slide-number field's paragraph, in the deck's type where it is known. */
function field(style?: MasterBoxes['numberStyle']): string {
  const pt = (v: number): number => Math.round(v * 75);
  const pPr = style ? `<a:pPr algn="r"><a:lnSpc><a:spcPts val="${pt(style.lineHeight)}"/></a:lnSpc></a:pPr>` : '<a:pPr algn="r"/>';
  const rPr = style
    ? `<a:rPr lang="zh-CN" sz="${pt(style.size)}"><a:solidFill><a:srgbClr val="${style.colour}"/></a:solidFill></a:rPr>`
    : '<a:rPr lang="zh-CN"/>';
  return `<a:p>${pPr}<a:fld id="${SLIDE_NUMBER_FIELD}" type="slidenum">${rPr}<a:t>‹#›</a:t></a:fld><a:endParaRPr lang="zh-CN"/></a:p>`;
}
const FIELD = field();
const TREE_START = '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>';

/** The master's shape tree: its four placeholders at the measured places (defaults for a deck without them). */
export function masterTree(boxes: MasterBoxes): string {
  const title = boxes.title ?? { x: 64, y: 36, w: 1152, h: 64 };
  const body = boxes.body ? { ...boxes.body, h: Math.max(boxes.body.h, 640 - boxes.body.y) } : { x: 64, y: 140, w: 1152, h: 500 };
  const footer = boxes.footer ?? { x: 82, y: 680, w: 600, h: 24 };
  const number = boxes.number ?? { x: 1150, y: 680, w: 66, h: 24 };
  const footerText = boxes.footerText ? `<a:p><a:r><a:rPr lang="zh-CN"/><a:t>${escapeXml(boxes.footerText)}</a:t></a:r></a:p>` : EMPTY;
  const fit = '<a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:normAutofit/></a:bodyPr>';
  return (
    TREE_START +
    placeholder(2, 'Title Placeholder 1', PH.title, xfrm(title), EMPTY, fit) +
    placeholder(3, 'Text Placeholder 2', PH.body, xfrm(body), EMPTY, fit) +
    placeholder(4, 'Footer Placeholder 3', PH.footer, xfrm(footer), footerText, fit) +
    placeholder(5, 'Slide Number Placeholder 4', PH.number, xfrm(number), field(boxes.numberStyle), fit) +
    '</p:spTree>'
  );
}

/** One layout: its type and placeholders, placed by the master (an empty spPr takes the master's place). */
export function layoutXml(layout: LayoutName): string {
  const { type, name } = LAYOUTS[layout];
  const shapes: string[] = [];
  const add = (label: string, ph: string, paragraph = EMPTY): number =>
    shapes.push(placeholder(shapes.length + 2, label, ph, '<p:spPr/>', paragraph));
  if (layout === 'title') {
    add('Title 1', PH.ctrTitle);
    add('Subtitle 2', PH.subTitle);
  } else {
    add('Title 1', PH.title);
    if (layout === 'content') add('Content Placeholder 2', PH.body);
    if (layout === 'section') add('Text Placeholder 2', PH.body);
  }
  add('Footer Placeholder', PH.footer);
  add('Slide Number Placeholder', PH.number, FIELD);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldLayout ${NS} type="${type}" preserve="1"><p:cSld name="${name}">${TREE_START}${shapes.join('')}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`;
}
