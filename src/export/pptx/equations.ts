// Formulas in the PowerPoint file, as PowerPoint stores them: a text box
// whose paragraphs hold <a14:m> equations (omml.ts) sits in an
// mc:AlternateContent — its Choice (Requires="a14") is that text box, for
// every PowerPoint since 2010, which edits the equation as its own; its
// Fallback is the same shape filled with the picture of the formula as the
// page drew it, locked, for readers without Office math (PowerPoint 2007,
// LibreOffice, WPS). pptxgenjs knows none of this: writePptx writes the text
// box with a placeholder run where each equation goes and the picture as a
// picture of its own; the package fix (fixPackage.ts) puts the equations in,
// takes the picture's image into the Fallback, and removes the picture.
const A14_NS = 'http://schemas.microsoft.com/office/drawing/2010/main';

/** One text box with equations, on one slide. */
export interface FormulaFix {
  /** 1-based slide number. */
  slide: number;
  /** The text box's shape name. */
  name: string;
  /** The fallback picture's shape name (its image becomes the Fallback's fill). */
  fallback: string;
  /** Each placeholder's <a14:m> element, by placeholder number. */
  equations: Map<number, string>;
}

const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** The text a placeholder run carries until the package fix puts equation `n` there (private-use characters). */
export function placeholder(n: number): string {
  return `\uE000${n}\uE001`;
}

/** The Fallback: the shape with the picture as its fill, no text, locked against typing into it. */
function fallbackShape(sp: string, embed: string): string {
  const open = /<p:nvSpPr>\s*<p:cNvPr\b[^>]*?(?:\/>|>[\s\S]*?<\/p:cNvPr>)/.exec(sp)?.[0] ?? '<p:nvSpPr><p:cNvPr id="0" name=""/>';
  const xfrm = /<a:xfrm\b[\s\S]*?<\/a:xfrm>/.exec(sp)?.[0] ?? '';
  return (
    `<p:sp>${open}<p:cNvSpPr><a:spLocks noTextEdit="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr/></p:nvSpPr>` +
    `<p:spPr>${xfrm}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>` +
    `<a:blipFill><a:blip r:embed="${embed}"/><a:stretch><a:fillRect/></a:stretch></a:blipFill></p:spPr>` +
    `<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"><a:noFill/></a:rPr><a:t> </a:t></a:r></a:p></p:txBody></p:sp>`
  );
}

/** One slide's XML with its formula text boxes made equations. Throws when a shape the writer named is missing. */
export function putEquations(xml: string, fixes: FormulaFix[]): string {
  let out = xml;
  for (const fix of fixes) {
    const pic = new RegExp(`<p:pic>(?:(?!</p:pic>).)*?name="${fix.fallback}"(?:(?!</p:pic>).)*?</p:pic>`, 's').exec(out);
    const embed = pic ? /<a:blip r:embed="(rId\d+)"/.exec(pic[0])?.[1] : undefined;
    if (!pic || !embed) throw new Error(`internal: no fallback picture "${fix.fallback}" on slide ${fix.slide}`);
    out = out.replace(pic[0], '');
    const sp = new RegExp(`<p:sp>(?:(?!</p:sp>).)*?name="${fix.name}"(?:(?!</p:sp>).)*?</p:sp>`, 's').exec(out);
    if (!sp) throw new Error(`internal: no formula text box "${fix.name}" on slide ${fix.slide}`);
    const choice = sp[0].replace(
      /<a:r>(?:<a:rPr\b[^>]*\/>|<a:rPr\b(?:[^>/]|\/(?!>))*>(?:(?!<\/a:rPr>|<a:r>).)*<\/a:rPr>)<a:t>\uE000(\d+)\uE001<\/a:t><\/a:r>/gs,
      (whole, n: string) => fix.equations.get(Number(n)) ?? whole,
    );
    const alternate =
      `<mc:AlternateContent xmlns:mc="${MC_NS}"><mc:Choice xmlns:a14="${A14_NS}" Requires="a14">${choice}</mc:Choice>` +
      `<mc:Fallback>${fallbackShape(sp[0], embed)}</mc:Fallback></mc:AlternateContent>`;
    out = out.replace(sp[0], () => alternate);
  }
  return out;
}
